package dev.segmentlab.app.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.features.FeatureMatrix;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The scatter over 200,000 customers: its update is linear in customers. Measured in bytes allocated by the
 * updating thread, not in time: the pattern it guards against (an accessor that deep-copies the whole projection
 * or matrix called once per customer) allocates n² values and fails the bound by orders of magnitude.
 */
class ScatterModelTest {
  private static final int N = 200_000;

  @Test
  void anUpdateOver200000CustomersAllocatesAFewArraysOfCustomersNotOnePerCustomer() {
    FeatureMatrix m = SyntheticCustomers.matrix(SyntheticCustomers.features(N));
    ScatterModel model = new ScatterModel(new SameThreadAsync());
    ScatterModel.Axes pca = new ScatterModel.Axes(ScatterModel.PCA, ScatterModel.PCA, true);
    model.prepare(m, solution(N, 4), pca, colours(4), names(4)); // the per-matrix work: PCA, order, id index

    KMeansResult five = solution(N, 5);
    long before = allocated();
    ScatterData d = model.prepare(m, five, pca, colours(5), names(5));
    long pcaBytes = allocated() - before;
    before = allocated();
    ScatterData raw = model.prepare(m, five, new ScatterModel.Axes("income", "score", false), colours(5), names(5));
    long featureBytes = allocated() - before;

    // x, y (16 bytes a customer), the labels (4) and the sample: about 21 bytes a customer; n² copies would be 10^11
    assertThat(pcaBytes).isLessThan(40L * N);
    assertThat(featureBytes).isLessThan(40L * N);
    assertThat(d.size()).isEqualTo(N);
    assertThat(d.xLabel()).startsWith("PC1 (");
    assertThat(raw.xLabel()).isEqualTo("income");
    assertThat(raw.x()[7]).isEqualTo(m.raw(7, 1));
  }

  @Test
  void beyond20000CustomersAStratifiedSampleKeepsEverySegmentAndSaysSo() {
    FeatureMatrix m = SyntheticCustomers.matrix(SyntheticCustomers.features(N));
    ScatterModel model = new ScatterModel(new SameThreadAsync());
    // segment 4 holds 50 customers only: it is drawn whole, the others in proportion
    int[] labels = new int[N];
    for (int i = 0; i < N; i++) labels[i] = i < 50 ? 4 : i % 4;
    KMeansResult s = new KMeansResult(5, labels, new double[5][3], 1, 1, sizes(labels, 5));
    ScatterData d = model.prepare(m, s, new ScatterModel.Axes(ScatterModel.PCA, ScatterModel.PCA, true), colours(5), names(5));
    int[] drawn = new int[5];
    for (int i : d.shown()) drawn[d.labels()[i]]++;
    assertThat(drawn[4]).isEqualTo(50);
    for (int c = 0; c < 4; c++) assertThat(drawn[c]).isBetween(4_900, 5_100);
    assertThat(d.shownCount()).isBetween(19_900, 20_100);
    assertThat(d.caption()).isEqualTo(String.format("showing %,d of 200,000 customers (a sample stratified by segment)", d.shownCount()));
  }

  @Test
  void theSampleHoldsExactly20000WhenNoSegmentIsTooSmall() {
    FeatureMatrix m = SyntheticCustomers.matrix(SyntheticCustomers.features(N));
    ScatterModel model = new ScatterModel(new SameThreadAsync());
    int[] labels = new int[N];
    for (int i = 0; i < N; i++) labels[i] = i % 3; // 66,667, 66,667 and 66,666: shares of 6,666.7 each
    KMeansResult s = new KMeansResult(3, labels, new double[3][3], 1, 1, sizes(labels, 3));
    ScatterData d = model.prepare(m, s, new ScatterModel.Axes(ScatterModel.PCA, ScatterModel.PCA, true), colours(3), names(3));
    int[] drawn = new int[3];
    for (int i : d.shown()) drawn[d.labels()[i]]++;
    assertThat(drawn).containsExactly(6_667, 6_667, 6_666);
    assertThat(d.caption()).isEqualTo("showing 20,000 of 200,000 customers (a sample stratified by segment)");
  }

  @Test
  void theSelectedCustomerIsFoundByItsId() {
    FeatureMatrix m = SyntheticCustomers.matrix(SyntheticCustomers.features(3_000));
    ScatterModel model = new ScatterModel(new SameThreadAsync());
    KMeansResult s = solution(3_000, 3);
    ScatterData d = model.prepare(m, s, new ScatterModel.Axes(ScatterModel.PCA, ScatterModel.PCA, true), colours(3), names(3));
    model.show(m, s, d);
    model.selectedCustomerProperty().set("C10042");
    assertThat(model.selectedIndexProperty().get()).isEqualTo(42);
    assertThat(ScatterCanvas.tooltip(d, 42)).startsWith("Customer C10042\nSegment 2 · S2\nPC1 (");
    model.selectedCustomerProperty().set("nobody");
    assertThat(model.selectedIndexProperty().get()).isEqualTo(-1);
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private static KMeansResult solution(int n, int k) {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) labels[i] = (i * 7 / 3) % k;
    return new KMeansResult(k, labels, new double[k][3], 1, 1, sizes(labels, k));
  }

  private static int[] sizes(int[] labels, int k) {
    int[] s = new int[k];
    for (int l : labels) s[l]++;
    return s;
  }

  private static String[] colours(int k) {
    String[] c = new String[k];
    for (int i = 0; i < k; i++) c[i] = "#33669" + i;
    return c;
  }

  private static String[] names(int k) {
    String[] c = new String[k];
    for (int i = 0; i < k; i++) c[i] = "S" + i;
    return c;
  }
}

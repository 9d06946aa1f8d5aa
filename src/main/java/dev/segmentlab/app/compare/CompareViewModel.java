package dev.segmentlab.app.compare;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.compare.Comparison;
import dev.segmentlab.core.compare.ProfileDifference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.io.IOException;

/**
 * The Compare tab: pin solutions (method × k × features × transforms) and put two side by side: the contingency
 * table with counts, ARI and NMI, the flows of customers between segments, and an export of who moved.
 */
public final class CompareViewModel {
  /** One row of the contingency table: an A segment and its customers in each B segment. */
  public record Row(String segment, int[] counts, int total) {
    public Row {
      counts = counts.clone();
    }

    @Override public int[] counts() { return counts.clone(); }

    public int count(int b) { return counts[b]; }
  }

  /**
   * One row of the profile differences: an A segment, its best-matching B segment, and per shared feature the
   * two medians and their difference ({@code medians[3f]} A, {@code [3f+1]} B, {@code [3f+2]} B − A).
   */
  public record DiffRow(String segmentA, String segmentB, String overlap, double[] medians) {
    public DiffRow {
      medians = medians.clone();
    }

    public double value(int i) { return medians[i]; }
  }

  private final Session session;
  private final DialogService dialogs;
  private final JobSlot job;

  // Properties
  private final ObservableList<PinnedSolution> pinned = FXCollections.observableArrayList();
  private final ObjectProperty<PinnedSolution> a = new SimpleObjectProperty<>(this, "a");
  private final ObjectProperty<PinnedSolution> b = new SimpleObjectProperty<>(this, "b");
  private final ObservableList<String> columns = FXCollections.observableArrayList();
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<String> flows = FXCollections.observableArrayList();
  private final ObservableList<String> diffFeatures = FXCollections.observableArrayList();
  private final ObservableList<DiffRow> diffRows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper ari = new ReadOnlyStringWrapper(this, "ari", "");
  private final ReadOnlyStringWrapper nmi = new ReadOnlyStringWrapper(this, "nmi", "");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Pin at least two solutions.");
  private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
  private final BooleanBinding canPin;

  public CompareViewModel(Session session, Async async, DialogService dialogs) {
    this.session = session;
    this.dialogs = dialogs;
    this.job = new JobSlot(async);
    this.canPin = Bindings.isNotNull(session.segmentationProperty());
    a.addListener((o, x, v) -> compare());
    b.addListener((o, x, v) -> compare());
  }

  public ObservableList<PinnedSolution> getPinned() { return pinned; }
  public ObjectProperty<PinnedSolution> aProperty() { return a; }
  public ObjectProperty<PinnedSolution> bProperty() { return b; }
  /** B's segment names: the table's columns. */
  public ObservableList<String> getColumns() { return columns; }
  public ObservableList<Row> getRows() { return rows; }
  /** "A segment → B segment: customers", largest first, staying customers included. */
  public ObservableList<String> getFlows() { return flows; }
  /** The features both solutions profile: the profile differences' column groups. */
  public ObservableList<String> getDiffFeatures() { return diffFeatures; }
  /** For each A segment, its best-matching B segment and the feature medians side by side. */
  public ObservableList<DiffRow> getDiffRows() { return diffRows; }
  public ReadOnlyStringProperty ariProperty() { return ari.getReadOnlyProperty(); }
  public ReadOnlyStringProperty nmiProperty() { return nmi.getReadOnlyProperty(); }
  public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<Comparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }
  public BooleanBinding canPinProperty() { return canPin; }

  // Commands

  /** Pins the current segmentation; the first two pins become A and B. */
  public void pinCurrent() {
    if (session.getSegmentation() != null) pin(PinnedSolution.of(session.getSegmentation()));
  }

  /** Pins a solution; fills A, then B, when empty. */
  public void pin(PinnedSolution s) {
    pinned.add(s);
    if (a.get() == null) a.set(s);
    else if (b.get() == null) b.set(s);
  }

  /** Asks for a file and writes the customers who moved between A and B. */
  public void exportMoved() {
    Comparison c = comparison.get();
    PinnedSolution pa = a.get(), pb = b.get();
    if (c == null) return;
    dialogs.chooseSaveFile("Export who moved", "moved.csv", List.of("csv")).ifPresent(file ->
        job.task("Writing " + file.getFileName(), ctx -> { write(file, c, pa, pb); return file; })
            .onSuccess(f -> summary.set("Wrote " + c.moved().size() + " customers who moved to " + f.getFileName() + "."))
            .onFailure(e -> dialogs.showError("Export failed", "Cannot write " + file + ": " + e.getMessage()))
            .start());
  }

  private void compare() {
    PinnedSolution pa = a.get(), pb = b.get();
    if (pa == null || pb == null) return;
    job.task("Comparing", ctx -> {
          Comparison c = Comparison.of(pa.ids(), pa.labels(), pa.k(), pb.ids(), pb.labels(), pb.k());
          boolean profiled = pa.values().length > 0 && pb.values().length > 0;
          return new Compared(c, !profiled ? List.of() : ProfileDifference.of(c, pa.features(), pa.values(),
              pa.labels(), pb.features(), pb.values(), pb.labels()));
        })
        .onSuccess(r -> { if (pa == a.get() && pb == b.get()) show(r.comparison(), r.differences(), pa, pb); })
        .onFailure(e -> summary.set(e.getMessage()))
        .start();
  }

  private record Compared(Comparison comparison, List<ProfileDifference> differences) {}

  private void show(Comparison c, List<ProfileDifference> diffs, PinnedSolution pa, PinnedSolution pb) {
    comparison.set(c);
    List<DiffRow> dr = new ArrayList<>();
    for (ProfileDifference d : diffs) {
      double[] m = new double[3 * d.features().size()];
      for (int f = 0; f < d.features().size(); f++) {
        m[3 * f] = d.medianA()[f];
        m[3 * f + 1] = d.medianB()[f];
        m[3 * f + 2] = d.difference(f);
      }
      dr.add(new DiffRow(d.segmentA() + " " + pa.names().get(d.segmentA()),
          d.segmentB() + " " + pb.names().get(d.segmentB()),
          String.format(Locale.ROOT, "%,d (%.0f%%)", d.overlap(), 100 * d.overlapShare()), m));
    }
    diffFeatures.setAll(diffs.isEmpty() ? List.of() : diffs.get(0).features());
    diffRows.setAll(dr);
    int[][] t = c.contingency();
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < t.length; i++) {
      int total = 0;
      for (int v : t[i]) total += v;
      out.add(new Row(i + " " + pa.names().get(i), t[i], total));
    }
    List<String> cols = new ArrayList<>();
    for (int j = 0; j < pb.k(); j++) cols.add(j + " " + pb.names().get(j));
    columns.setAll(cols);
    rows.setAll(out);
    List<int[]> cells = new ArrayList<>();
    for (int i = 0; i < t.length; i++) for (int j = 0; j < t[i].length; j++) if (t[i][j] > 0) cells.add(new int[] {i, j, t[i][j]});
    cells.sort(Comparator.comparingInt((int[] x) -> -x[2]));
    flows.setAll(cells.stream().map(x -> String.format(Locale.ROOT, "%s → %s: %,d", pa.names().get(x[0]),
        pb.names().get(x[1]), x[2])).toList());
    ari.set(String.format(Locale.ROOT, "%.3f", c.ari()));
    nmi.set(String.format(Locale.ROOT, "%.3f", c.nmi()));
    summary.set(String.format(Locale.ROOT, "%,d customers compared; %,d moved", c.matched(), c.moved().size())
        + (c.onlyInA() + c.onlyInB() > 0 ? String.format(Locale.ROOT, "; %,d only in A, %,d only in B", c.onlyInA(), c.onlyInB()) : ""));
  }

  static void write(Path file, Comparison c, PinnedSolution a, PinnedSolution b) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("customer_id,segment_a,name_a,segment_b,name_b");
    for (Comparison.Move m : c.moved()) {
      lines.add(m.id() + "," + m.from() + "," + quote(a.names().get(m.from())) + "," + m.to() + ","
          + quote(b.names().get(m.to())));
    }
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".moved", ".tmp");
    Files.write(tmp, lines, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}

package dev.segmentlab.app.segments;

import dev.segmentlab.app.Session;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.FeatureMatrixBuilder;
import dev.segmentlab.core.features.FeatureOptions;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import java.util.List;
import java.util.SplittableRandom;

/** A customer table of {@code n} customers in six well-separated groups over three features (seeded). */
final class SyntheticCustomers {
  private SyntheticCustomers() {}

  static CustomerFeatures features(int n) {
    SplittableRandom r = new SplittableRandom(7);
    String[] ids = new String[n];
    double[][] cols = new double[3][n];
    double[][] centres = {{20, 20, 20}, {60, 20, 30}, {20, 70, 40}, {70, 70, 10}, {45, 45, 80}, {90, 10, 60}};
    for (int i = 0; i < n; i++) {
      ids[i] = "C" + (10_000 + i);
      double[] c = centres[i % centres.length];
      for (int f = 0; f < 3; f++) cols[f][i] = c[f] + 6 * r.nextGaussian();
    }
    return new CustomerFeatures(ids, List.of("age", "income", "score"), cols, null, null, null);
  }

  static FeatureMatrix matrix(CustomerFeatures cf) {
    return FeatureMatrixBuilder.build(cf, FeatureOptions.of(cf.names(), Transform.NONE, Scaling.STANDARD));
  }

  static void publish(Session s, int n) {
    CustomerFeatures cf = features(n);
    s.featuresProperty().set(cf);
    s.matrixProperty().set(matrix(cf));
  }
}

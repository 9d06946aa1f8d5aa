package dev.segmentlab.core.export;

import dev.segmentlab.core.model.FittedClustering;
import dev.segmentlab.core.model.GaussianMixtureModel;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The columns a Gaussian mixture adds to a customer export: each customer's membership probability in its own
 * segment (the top probability) and whether it is borderline (its two highest probabilities within
 * {@link GaussianMixtureModel#BORDERLINE_MARGIN}). Nothing for other methods.
 */
public final class MixtureColumns {
  /** Header of the top membership probability, in [0, 1]. */
  public static final String PROBABILITY = "Membership probability";
  /** Header of the borderline flag ({@code yes} / {@code no}). */
  public static final String BORDERLINE = "Borderline";

  private MixtureColumns() {}

  /**
   * @param model the segmentation's fitted model
   * @param prepared every customer's prepared (scaled) values, as the model saw them
   * @param rows the customers of the table, as indices into {@code prepared}
   * @param name makes a header unique within the table
   * @return the two columns for a mixture, else none
   */
  public static List<SheetData.Column> of(FittedClustering model, double[][] prepared, int[] rows,
      UnaryOperator<String> name) {
    if (!(model instanceof GaussianMixtureModel gmm)) return List.of();
    double[][] x = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) x[i] = prepared[rows[i]];
    double[][] p = gmm.probabilities(x);
    double[] top = new double[rows.length];
    String[] borderline = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      double t = 0;
      for (double v : p[i]) t = Math.max(t, v);
      top[i] = t;
      borderline[i] = GaussianMixtureModel.borderline(p[i]) ? "yes" : "no";
    }
    return List.of(SheetData.Column.numbers(name.apply(PROBABILITY), top),
        SheetData.Column.text(name.apply(BORDERLINE), borderline));
  }
}

package dev.segmentlab.app.features;

import dev.segmentlab.app.fx.Tables;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.RfmScores;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The customers table: a row is a customer index into a {@link FeatureTable} snapshot, so 4,338 customers cost
 * one boxed index each. Columns follow the snapshot; the sort order survives a change of snapshot.
 */
final class FeaturesTable {
  private final TableView<Integer> table = new TableView<>();
  /** The rows shown (the ViewModel's), in a list of the table's own that can announce new values. */
  private final ObservableList<Integer> shown;
  /** The snapshot the cells read. */
  private FeatureTable current;
  private List<String> shownLayout = List.of();

  FeaturesTable(ObservableList<Integer> rows) {
    table.setId("featuresTable");
    table.setPlaceholder(new Label("No customers: compute the features first, or clear the filter."));
    shown = Tables.followingOutsideEdits(table, rows); // not editable: it simply follows the rows
    SortedList<Integer> sorted = new SortedList<>(shown);
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
  }

  TableView<Integer> node() { return table; }

  /**
   * Shows a snapshot. The columns are built again only when their set changes (other features, scores or
   * scaling); otherwise the cells read the new snapshot: building the columns again cost the FX thread more than
   * anything else in a change of transform.
   */
  void show(FeatureTable t) {
    current = t;
    // no snapshot (between two files): the columns stay over the empty table until the next snapshot, which
    // keeps them, and their cells, when it has the same features
    if (t == null) return;
    List<String> formats = rawFormats(t);
    List<String> layout = layout(t, formats);
    if (layout.equals(shownLayout) || pending(layout, shownLayout)) {
      // the same rows with new values; scores or scaled values still being computed show as "—"
      Tables.reread(shown);
      return;
    }
    shownLayout = layout;
    List<String[]> order = new ArrayList<>();
    for (TableColumn<Integer, ?> c : table.getSortOrder()) order.add(new String[] {c.getId(), c.getSortType().name()});
    table.getSortOrder().clear();
    table.getColumns().clear();
    CustomerFeatures cf = t.features();
    table.getColumns().add(id("id", Tables.column("Customer", i -> current.features().ids()[i], 90)));
    if (cf.countries() != null) {
      table.getColumns().add(id("country", Tables.column("Country", i -> nz(current.features().countries()[i]), 130)));
    }
    TableColumn<Integer, ?> raw = new TableColumn<>("Features (original units)");
    for (int f = 0; f < cf.names().size(); f++) {
      int col = f;
      String name = cf.names().get(f);
      raw.getColumns().add(id("raw:" + name,
          Tables.numberColumn(name, i -> current.features().columns()[col][i], formats.get(f), width(name))));
    }
    table.getColumns().add(raw);
    if (t.scores() != null) {
      TableColumn<Integer, ?> score = new TableColumn<>("RFM score");
      score.getColumns().add(id("score:R", Tables.numberColumn("R", i -> score(RfmScores::r, i), "%,.0f", 40)));
      score.getColumns().add(id("score:F", Tables.numberColumn("F", i -> score(RfmScores::f, i), "%,.0f", 40)));
      score.getColumns().add(id("score:M", Tables.numberColumn("M", i -> score(RfmScores::m, i), "%,.0f", 40)));
      score.getColumns().add(id("score:RFM", Tables.column("Cell", i -> current.scores() == null ? "—" : current.scores().cell(i), 52)));
      table.getColumns().add(score);
    }
    FeatureMatrix m = t.matrix();
    if (m != null) {
      TableColumn<Integer, ?> scaled = new TableColumn<>("Scaled (what k-means sees)");
      for (int f = 0; f < m.dims(); f++) {
        final int col = f;
        String name = m.features().get(f);
        scaled.getColumns().add(id("scaled:" + name,
            Tables.numberColumn(name, i -> current.matrix() == null ? Double.NaN : current.matrix().scaled(i, col), "%.3f", width(name))));
      }
      table.getColumns().add(scaled);
    }
    for (String[] o : order) {
      leaves().stream().filter(c -> o[0].equals(c.getId())).findFirst().ifPresent(c -> {
        c.setSortType(TableColumn.SortType.valueOf(o[1]));
        table.getSortOrder().add(c);
      });
    }
  }

  /** The number format of each feature in original units (a pass over its values). */
  private static List<String> rawFormats(FeatureTable t) {
    List<String> out = new ArrayList<>();
    for (double[] column : t.features().columns()) out.add(format(column));
    return out;
  }

  /**
   * Whether {@code layout} is {@code shown} but for the scores or scaled values not computed yet: a new file or
   * cleaning shows its customers before their scores and scaled values, and the columns wait for them.
   */
  static boolean pending(List<String> layout, List<String> shown) {
    if (!base(layout).equals(base(shown))) return false;
    if (layout.contains("scores") && !shown.contains("scores")) return false;
    List<String> scaled = scaled(layout);
    return scaled.isEmpty() || scaled.equals(scaled(shown));
  }

  private static List<String> base(List<String> layout) {
    return layout.stream().filter(c -> !c.equals("scores") && !c.startsWith("scaled:")).toList();
  }

  private static List<String> scaled(List<String> layout) {
    return layout.stream().filter(c -> c.startsWith("scaled:")).toList();
  }

  /** A customer's R, F or M score, or NaN (drawn "—") while the scores are being computed. */
  private double score(Function<RfmScores, int[]> part, int i) {
    RfmScores s = current.scores();
    return s == null ? Double.NaN : part.apply(s)[i];
  }

  /** What the columns depend on: their ids and number formats, in order. */
  private static List<String> layout(FeatureTable t, List<String> rawFormats) {
    List<String> out = new ArrayList<>();
    CustomerFeatures cf = t.features();
    out.add(cf.countries() != null ? "id+country" : "id");
    for (int f = 0; f < cf.names().size(); f++) out.add("raw:" + cf.names().get(f) + " " + rawFormats.get(f));
    if (t.scores() != null) out.add("scores");
    if (t.matrix() != null) for (String f : t.matrix().features()) out.add("scaled:" + f);
    return out;
  }

  private List<TableColumn<Integer, ?>> leaves() {
    List<TableColumn<Integer, ?>> out = new ArrayList<>();
    for (TableColumn<Integer, ?> c : table.getColumns()) {
      if (c.getColumns().isEmpty()) out.add(c);
      else out.addAll(c.getColumns());
    }
    return out;
  }

  private static <T> TableColumn<Integer, T> id(String id, TableColumn<Integer, T> c) {
    c.setId(id);
    return c;
  }

  private static String nz(String s) { return s == null ? "" : s; }

  private static double width(String name) { return Math.max(70, Math.min(160, name.length() * 8 + 16)); }

  /** Whole numbers without decimals, shares with three, money and averages with two. */
  static String format(double[] v) {
    boolean whole = true, unit = true;
    for (double x : v) {
      if (Double.isNaN(x)) continue;
      whole &= x == Math.rint(x);
      unit &= x >= 0 && x <= 1;
    }
    return whole ? "%,.0f" : unit ? "%.3f" : "%,.2f";
  }
}

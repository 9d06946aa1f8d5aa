package dev.segmentlab.app.profiles;

import dev.segmentlab.app.fx.Tables;
import java.util.Comparator;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import java.util.function.ToDoubleFunction;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The profile table: one row per segment and "All customers" (always last, whatever the sort). */
final class ProfileTable {
  private static final PseudoClass OVERALL = PseudoClass.getPseudoClass("overall");
  private static final int FIXED_COLUMNS = 10;
  private final ProfilesViewModel vm;
  private final TableView<ProfileRow> table = new TableView<>();

  ProfileTable(ProfilesViewModel vm) {
    this.vm = vm;
    table.setId("profileTable");
    table.setEditable(true);
    table.setPlaceholder(new Label("Run the sweep in \"Tune k\" to profile the segments."));
    // the rows wait for a name being typed: the stability re-runs and the predicted revenue replace them
    ObservableList<ProfileRow> rows = Tables.followingOutsideEdits(table, vm.getRows());
    SortedList<ProfileRow> sorted = new SortedList<>(rows);
    sorted.comparatorProperty().bind(Bindings.createObjectBinding(() -> {
      Comparator<ProfileRow> last = Comparator.comparing(ProfileRow::isOverall);
      return table.getComparator() == null ? last : last.thenComparing(table.getComparator());
    }, table.comparatorProperty()));
    // the SortedList applies the table's comparator (with the overall row kept last)
    table.setSortPolicy(t -> true);
    table.setItems(sorted);
    table.setRowFactory(t -> new TableRow<>() {
      @Override protected void updateItem(ProfileRow r, boolean empty) {
        super.updateItem(r, empty);
        pseudoClassStateChanged(OVERALL, !empty && r != null && r.isOverall());
      }
    });
    addFixedColumns();
    vm.getFeatures().addListener((ListChangeListener<String>) c -> featureColumns());
    featureColumns();
    table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
      if (r != null && !r.isOverall()) vm.selectedSegmentProperty().set(r.segment());
    });
    // rows are replaced on every change of the segmentation: select the editor's segment again
    rows.addListener((ListChangeListener<ProfileRow>) c -> selectEditorSegment());
    vm.selectedSegmentProperty().addListener((o, a, s) -> selectEditorSegment());
  }

  TableView<ProfileRow> table() { return table; }

  private void selectEditorSegment() {
    int s = vm.selectedSegmentProperty().get();
    ProfileRow r = table.getSelectionModel().getSelectedItem();
    if (r != null && r.segment() == s && table.getItems().contains(r)) return;
    for (ProfileRow row : table.getItems()) {
      if (row.segment() == s) { table.getSelectionModel().select(row); return; }
    }
  }

  private void addFixedColumns() {
    TableColumn<ProfileRow, String> name = Tables.column("Name ✎", ProfileRow::name, 185);
    name.setEditable(true);
    name.setCellFactory(c -> new ProfileColumns.NameCell());
    name.setOnEditCommit(e -> vm.rename(e.getRowValue().segment(), e.getNewValue()));
    TableColumn<ProfileRow, Double> revenue = Tables.numberColumn("Revenue", ProfileRow::revenue, "%,.0f", 95);
    TableColumn<ProfileRow, Double> revenueShare = Tables.numberColumn("% revenue", r -> 100 * r.revenueShare(), "%.1f%%", 80);
    revenue.visibleProperty().bind(vm.hasRevenueProperty());
    revenueShare.visibleProperty().bind(vm.hasRevenueProperty());
    table.getColumns().add(ProfileColumns.swatch());
    table.getColumns().add(ProfileColumns.id());
    table.getColumns().add(name);
    table.getColumns().add(ProfileColumns.stability());
    table.getColumns().add(Tables.intColumn("Customers", ProfileRow::size, 98));
    table.getColumns().add(Tables.numberColumn("% customers", r -> 100 * r.customerShare(), "%.1f%%", 98));
    table.getColumns().add(revenue);
    table.getColumns().add(revenueShare);
    predictedColumns();
  }

  /**
   * Predicted revenue of the next 12 months (Σ CLV) and its share, shown whenever the data can have them (the
   * figures arrive from a background job after each new set of labels: the cells follow them as they come, so the
   * columns are not rebuilt and a name being typed is kept).
   */
  private void predictedColumns() {
    TableColumn<ProfileRow, Double> predicted = predictedColumn("Predicted 12 mo", vm::predictedRevenue, "%,.0f", 130);
    TableColumn<ProfileRow, Double> share = predictedColumn("% predicted", r -> 100 * vm.predictedShare(r), "%.1f%%", 90);
    predicted.setId("predictedRevenueColumn");
    predicted.visibleProperty().bind(vm.predictedAvailableProperty());
    share.visibleProperty().bind(vm.predictedAvailableProperty());
    table.getColumns().add(predicted);
    table.getColumns().add(share);
  }

  private TableColumn<ProfileRow, Double> predictedColumn(String title, ToDoubleFunction<ProfileRow> value, String format,
      double width) {
    TableColumn<ProfileRow, Double> c = Tables.numberColumn(title, value, format, width);
    // a value that follows the figures (one per segment row: a dozen at most)
    c.setCellValueFactory(f -> Bindings.createObjectBinding(() -> value.applyAsDouble(f.getValue()),
        vm.predictedRevenueProperty()));
    return c;
  }

  /** A mean and median column per feature, then the country and the suggested action. */
  private void featureColumns() {
    table.getColumns().remove(FIXED_COLUMNS, table.getColumns().size());
    for (int f = 0; f < vm.getFeatures().size(); f++) {
      int i = f;
      TableColumn<ProfileRow, Double> group = new TableColumn<>(vm.getFeatures().get(f));
      group.getColumns().add(Tables.numberColumn("mean", r -> r.mean(i), "%,.1f", 76));
      group.getColumns().add(Tables.numberColumn("median", r -> r.median(i), "%,.1f", 76));
      table.getColumns().add(group);
    }
    TableColumn<ProfileRow, String> country = Tables.column("Top country",
        r -> r.topCountry() == null ? "" : r.topCountry() + " (" + ProfileFormat.percent(r.topCountryShare()) + ")", 160);
    country.visibleProperty().bind(vm.hasCountryProperty());
    table.getColumns().add(country);
    TableColumn<ProfileRow, String> action = ProfileColumns.action();
    action.visibleProperty().bind(vm.hasActionsProperty());
    table.getColumns().add(action);
  }
}

package dev.segmentlab.app.lookup;

import dev.segmentlab.core.value.CustomerLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import java.util.function.ToDoubleFunction;

/** The customer lookup window (Ctrl+F): a search field with completions beside the chosen customer's card. */
public final class LookupView {
  /** One row of the features table: the customer's value, the segment's mean and everyone's mean. */
  public record FeatureRow(String feature, double customer, double segment, double all) {}

  private final LookupViewModel vm;
  private final Stage stage = new Stage();
  private final Label segment = label("lookupSegment", "lookup-title");
  private final Label alive = label("lookupPAlive", null);
  private final Label purchases = label("lookupPurchases", null);
  private final Label clv = label("lookupClv", null);
  private final Label products = label("lookupProducts", null);
  private final TableView<FeatureRow> features = new TableView<>();
  private final ListView<String> timeline = new ListView<>();

  public LookupView(LookupViewModel vm, Window owner) {
    this.vm = vm;
    stage.initOwner(owner);
    stage.setTitle("Find customer");
    stage.setScene(new Scene(build(), 900, 760));
    vm.profileProperty().addListener((o, a, p) -> show(p));
  }

  /** Shows the window and fits the value models if needed. */
  public void open() {
    stage.show();
    stage.toFront();
    vm.prepare();
  }

  public Stage stage() { return stage; }

  private VBox build() {
    TextField field = new TextField();
    field.setId("lookupField");
    field.setPromptText("Customer id, e.g. 17850");
    field.textProperty().bindBidirectional(vm.queryProperty());
    field.setOnAction(e -> vm.lookUp(field.getText()));
    ListView<String> completions = new ListView<>(vm.getCompletions());
    completions.setId("lookupCompletions");
    completions.setPrefWidth(180);
    completions.setOnMouseClicked(e -> vm.lookUp(completions.getSelectionModel().getSelectedItem()));
    completions.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) vm.lookUp(completions.getSelectionModel().getSelectedItem());
    });
    field.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.DOWN && !completions.getItems().isEmpty()) {
        completions.requestFocus();
        completions.getSelectionModel().selectFirst();
      }
    });
    Label message = label("lookupMessage", null);
    message.textProperty().bind(vm.messageProperty());
    Label note = label("lookupNote", null);
    note.setWrapText(true);
    note.textProperty().bind(vm.modelNoteProperty());
    features.setId("lookupFeatures");
    features.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    features.getColumns().add(textColumn("Feature"));
    features.getColumns().add(numberColumn("Customer", FeatureRow::customer));
    features.getColumns().add(numberColumn("Segment mean", FeatureRow::segment));
    features.getColumns().add(numberColumn("All customers", FeatureRow::all));
    timeline.setId("lookupTimeline");
    VBox card = new VBox(6, segment, alive, purchases, clv, features, new Label("Purchase days and returns"), timeline,
        products, note, HoldoutPane.build(vm));
    VBox.setVgrow(features, Priority.ALWAYS);
    VBox.setVgrow(timeline, Priority.ALWAYS);
    HBox.setHgrow(card, Priority.ALWAYS);
    VBox left = new VBox(6, field, completions, message);
    VBox.setVgrow(completions, Priority.ALWAYS);
    VBox root = new VBox(new HBox(12, left, card));
    root.setId("lookupRoot");
    root.setStyle("-fx-padding: 10;");
    VBox.setVgrow(root.getChildren().get(0), Priority.ALWAYS);
    return root;
  }

  private void show(CustomerLookup.Profile p) {
    if (p == null) return;
    segment.setText("Customer " + p.id() + " · segment " + p.segment() + " · " + p.segmentName());
    alive.setText(String.format(Locale.ROOT, "P(alive) %.2f · %,.0f repeat purchase days, last %,.0f days after the first, "
        + "first %,.0f days before the end", p.pAlive(), p.frequency(), p.recency(), p.age()));
    purchases.setText(String.format(Locale.ROOT, "Expected purchase days: next 30 days %.2f · 90 days %.2f · 365 days %.2f",
        p.purchases30(), p.purchases90(), p.purchases365()));
    clv.setText(String.format(Locale.ROOT, "12-month CLV %,.2f (expected spend per purchase day %,.2f)", p.clv(), p.spend()));
    List<FeatureRow> rows = new ArrayList<>();
    for (Map.Entry<String, Double> e : p.features().entrySet()) {
      rows.add(new FeatureRow(e.getKey(), e.getValue(), p.segmentMeans().get(e.getKey()), p.allMeans().get(e.getKey())));
    }
    features.getItems().setAll(rows);
    List<String> events = new ArrayList<>();
    for (CustomerLookup.Event e : p.timeline()) {
      events.add(String.format(Locale.ROOT, "%s  %-8s %,12.2f", e.day(), e.isReturn() ? "return" : "purchase", e.value()));
    }
    timeline.getItems().setAll(events);
    List<String> top = new ArrayList<>();
    for (CustomerLookup.Product pr : p.topProducts()) top.add(pr.description());
    products.setText(top.isEmpty() ? "" : "Top products: " + String.join(" · ", top));
  }

  private static Label label(String id, String style) {
    Label l = new Label();
    l.setId(id);
    if (style != null) l.getStyleClass().add(style);
    return l;
  }

  private static TableColumn<FeatureRow, String> textColumn(String title) {
    TableColumn<FeatureRow, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().feature()));
    return c;
  }

  private static TableColumn<FeatureRow, String> numberColumn(String title, ToDoubleFunction<FeatureRow> f) {
    TableColumn<FeatureRow, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%,.2f", f.applyAsDouble(d.getValue()))));
    return c;
  }
}

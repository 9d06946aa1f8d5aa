package dev.segmentlab.app.profiles;

import dev.segmentlab.app.fx.Combos;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Profiles tab: profile table and name editor on top; snake plot, relative-importance heatmap and box plots
 * below. Everything follows the ViewModel, which follows {@code session.segmentation}.
 */
public final class ProfilesView {
  private final BorderPane root = new BorderPane();
  private final ProfileTable table;
  private final SnakePlot snake;
  private final HeatmapCanvas heatmap;
  private final BoxPlotCanvas boxes;

  public ProfilesView(ProfilesViewModel vm) {
    root.setId("profilesRoot");
    root.getStylesheets().add(ProfilesView.class.getResource("/dev/segmentlab/app/profiles/profiles.css").toExternalForm());
    table = new ProfileTable(vm);
    snake = new SnakePlot(vm.snakeProperty());
    heatmap = new HeatmapCanvas(vm.heatmapProperty());
    boxes = new BoxPlotCanvas(vm.boxesProperty());
    root.setTop(header(vm));
    ScrollPane editor = new ScrollPane(new NameEditor(vm));
    editor.setFitToWidth(true);
    editor.setMinWidth(260);
    SplitPane top = new SplitPane(table.table(), editor);
    top.setDividerPositions(0.78);
    SplitPane charts = new SplitPane(
        section("Snake plot", "Mean of each standardized feature per segment", snake),
        section("Relative importance", "Segment mean ÷ mean of all customers − 1", heatmap),
        section("Box plots", "Spread of one feature within each segment (Tukey whiskers)", boxControls(vm), boxes));
    charts.setDividerPositions(0.34, 0.64);
    SplitPane all = new SplitPane(top, charts);
    all.setOrientation(Orientation.VERTICAL);
    all.setDividerPositions(0.38);
    root.setCenter(all);
  }

  public Node node() { return root; }

  ProfileTable table() { return table; }
  SnakePlot snake() { return snake; }
  HeatmapCanvas heatmap() { return heatmap; }
  BoxPlotCanvas boxes() { return boxes; }

  private static Node header(ProfilesViewModel vm) {
    Label ari = new Label();
    ari.setId("ariLabel");
    ari.setTooltip(new Tooltip("Adjusted Rand index between this segmentation and re-runs with other seeds on bootstrap"
        + " samples: 1 = the same segments every time"));
    ari.textProperty().bind(vm.ariTextProperty());
    Label note = new Label();
    note.setId("stabilityNote");
    note.getStyleClass().add("info-banner");
    note.setWrapText(true);
    note.textProperty().bind(vm.stabilityNoteProperty());
    note.visibleProperty().bind(vm.stabilityNoteProperty().isNotEmpty());
    note.managedProperty().bind(note.visibleProperty());
    HBox.setHgrow(note, Priority.ALWAYS);
    HBox box = new HBox(12, ari, note);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setPadding(new Insets(6, 8, 6, 8));
    return box;
  }

  private static Node boxControls(ProfilesViewModel vm) {
    ComboBox<String> feature = new ComboBox<>(vm.getFeatures());
    feature.setId("boxFeature");
    Combos.sized(feature, 170);
    feature.valueProperty().bindBidirectional(vm.boxFeatureProperty());
    // replacing the items clears the value: put the ViewModel's choice back
    vm.getFeatures().addListener((ListChangeListener<String>) c -> feature.setValue(vm.boxFeatureProperty().get()));
    CheckBox log = new CheckBox("log scale");
    log.setId("boxLog");
    log.selectedProperty().bindBidirectional(vm.boxLogProperty());
    HBox row = new HBox(8, new Label("Feature"), feature, log);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private static Node section(String title, String caption, Node... content) {
    Label t = new Label(title);
    t.getStyleClass().add("section-title");
    Label c = new Label(caption);
    c.getStyleClass().add("figure-caption");
    VBox box = new VBox(2, t, c);
    box.getChildren().addAll(content);
    VBox.setVgrow(content[content.length - 1], Priority.ALWAYS);
    box.setPadding(new Insets(4, 8, 4, 8));
    box.setMinWidth(0);
    return box;
  }
}

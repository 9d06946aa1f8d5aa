package dev.segmentlab.app;

import dev.segmentlab.app.fx.ChartExport;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import dev.segmentlab.app.lookup.LookupView;
import dev.segmentlab.app.migration.MigrationView;
import dev.segmentlab.app.report.ReportView;
import dev.segmentlab.core.export.ExportException;
import java.io.File;
import javafx.scene.control.TextArea;

/** The window's content: menu, step side bar, the current step, status bar. */
public final class MainView {
  private final MainViewModel vm;
  private final ChartExport charts;
  private final Map<Step, Supplier<Node>> factories;
  private final Map<Step, Node> built = new EnumMap<>(Step.class);
  private final BorderPane root = new BorderPane();

  /**
   * @param charts the charts the steps registered, for "Save all charts…"
   * @param factories each step's view, built when the step is first shown
   */
  public MainView(MainViewModel vm, ChartExport charts, Map<Step, Supplier<Node>> factories) {
    this.vm = vm;
    this.charts = charts;
    this.factories = factories;
    build();
  }

  public Parent root() { return root; }

  private void build() {
    root.setId("mainRoot");
    root.setTop(menu());
    root.setLeft(sideBar());
    root.setBottom(statusBar());
    vm.stepProperty().addListener((o, a, s) -> show(s));
    show(vm.getStep());
    root.setOnDragOver(e -> {
      if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
      e.consume();
    });
    root.setOnDragDropped(e -> {
      List<File> files = e.getDragboard().getFiles();
      boolean ok = files != null && !files.isEmpty();
      if (ok) vm.openDropped(Path.of(files.get(0).getAbsolutePath()));
      e.setDropCompleted(ok);
      e.consume();
    });
  }

  private void show(Step s) {
    Node n = built.computeIfAbsent(s, k -> factories.get(k).get());
    root.setCenter(n);
  }

  /**
   * Builds the screens not shown yet, one per event (pulses run between them), each laid out once with the app's
   * stylesheets in a scene of its own; then runs {@code done}. A step's first visit then costs what later visits
   * cost: the first build, CSS pass and layout of a screen (class loading, cold code) held the FX thread two to
   * three times as long. For the idle time after the window opens.
   */
  public void prebuild(Runnable done) {
    java.util.ArrayDeque<Step> todo = new java.util.ArrayDeque<>();
    for (Step s : Step.values()) if (!built.containsKey(s)) todo.add(s);
    Runnable[] next = new Runnable[1];
    next[0] = () -> {
      Step s = todo.poll();
      if (s == null) {
        done.run();
        return;
      }
      if (!built.containsKey(s)) {
        Node screen = factories.get(s).get();
        built.put(s, screen);
        StackPane holder = new StackPane(screen);
        Node center = root.getCenter();
        double w = center == null ? 1000 : Math.max(600, center.getLayoutBounds().getWidth());
        double h = center == null ? 700 : Math.max(400, center.getLayoutBounds().getHeight());
        Scene offscreen = new Scene(holder, w, h);
        if (root.getScene() != null) offscreen.getStylesheets().setAll(root.getScene().getStylesheets());
        holder.applyCss();
        holder.layout();
        holder.getChildren().clear();
      }
      Platform.runLater(next[0]);
    };
    Platform.runLater(next[0]);
  }

  private MenuBar menu() {
    MenuItem open = item("Open…", "menuOpen", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), vm::openFile);
    MenuItem sample = item("Open sample", "menuSample", null, vm::openSample);
    MenuItem export = item("Export…", "menuExport", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), vm::goToExport);
    MenuItem saveCharts = item("Save all charts…", "menuSaveCharts",
        new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::saveCharts);
    MenuItem report = item("Report…", "menuReport", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
        () -> ReportView.show(vm.report(), root.getScene() == null ? null : root.getScene().getWindow()));
    MenuItem quit = item("Quit", "menuQuit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> vm.quit(Platform::exit));
    Menu file = new Menu("File", null, open, sample, new SeparatorMenuItem(), export, report, saveCharts, new SeparatorMenuItem(), quit);
    file.setId("fileMenu");
    Menu go = new Menu("Go");
    int i = 1;
    for (Step s : Step.values()) {
      KeyCombination kc = new KeyCodeCombination(KeyCode.valueOf("DIGIT" + i++), KeyCombination.SHORTCUT_DOWN);
      go.getItems().add(item(s.title(), "menuGo" + s.title(), kc, () -> vm.setStep(s)));
    }
    go.getItems().add(new SeparatorMenuItem());
    go.getItems().add(item("Find customer…", "menuFindCustomer", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::findCustomer));
    go.getItems().add(item("Segment migration…", "menuMigration", null, this::openMigration));
    go.getItems().add(item("Next step", "menuNext", new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), () -> vm.move(1)));
    go.getItems().add(item("Previous step", "menuPrevious", new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), () -> vm.move(-1)));
    Menu help = new Menu("Help", null, item("Glossary", "menuGlossary", new KeyCodeCombination(KeyCode.F1), this::glossary),
        item("About SegmentLab", "menuAbout", null, this::about));
    MenuBar bar = new MenuBar(file, go, help);
    bar.setId("menuBar");
    return bar;
  }

  private static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
    MenuItem m = new MenuItem(text);
    m.setId(id);
    if (key != null) m.setAccelerator(key);
    m.setOnAction(e -> action.run());
    return m;
  }

  private LookupView lookupView;

  /** Opens the customer lookup window (one per main window). */
  private void findCustomer() {
    if (lookupView == null) lookupView = new LookupView(vm.lookup(), root.getScene().getWindow());
    lookupView.open();
  }

  private MigrationView migrationView;

  private void openMigration() {
    if (migrationView == null) {
      migrationView = new MigrationView(vm.migration(), root.getScene().getWindow(), vm::segmentNames);
    }
    migrationView.open();
  }

  /** Every chart of the steps opened so far, as PNG files in a folder the analyst picks. */
  private void saveCharts() {
    vm.dialogs().chooseFolder("Save all charts into a folder").ifPresent(folder -> {
      try {
        List<Path> files = charts.saveAll(folder, true);
        vm.dialogs().showInfo("Charts saved", files.size() + " charts saved to " + folder
            + (files.size() < charts.names().size() ? ". Charts of steps or tabs not opened yet were skipped." : "."));
      } catch (ExportException e) {
        vm.dialogs().showError("Could not save the charts", e.getMessage());
      }
    });
  }

  private void glossary() {
    TextArea text = new TextArea(vm.glossaryText());
    text.setId("glossaryText");
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefSize(620, 460);
    Alert a = new Alert(Alert.AlertType.INFORMATION);
    a.initOwner(root.getScene().getWindow());
    a.setTitle("Glossary");
    a.setHeaderText("The words of SegmentLab, in plain language");
    a.getDialogPane().setContent(text);
    a.setResizable(true);
    a.show();
  }

  private void about() {
    Alert a = new Alert(Alert.AlertType.INFORMATION, vm.aboutText());
    a.initOwner(root.getScene().getWindow());
    a.setTitle("About SegmentLab");
    a.setHeaderText("SegmentLab");
    a.show();
  }

  private Node sideBar() {
    VBox box = new VBox(4);
    box.setId("stepBar");
    box.getStyleClass().add("step-bar");
    ToggleGroup group = new ToggleGroup();
    int i = 1;
    for (Step s : Step.values()) {
      ToggleButton b = new ToggleButton(i++ + "  " + s.title());
      b.setId("step" + s.title());
      b.setToggleGroup(group);
      b.setMaxWidth(Double.MAX_VALUE);
      b.getStyleClass().add("step-button");
      b.setTooltip(new Tooltip(s.hint() + " (Ctrl+" + (s.ordinal() + 1) + ")"));
      b.setSelected(vm.getStep() == s);
      b.setOnAction(e -> {
        vm.setStep(s);
        b.setSelected(true);
      });
      vm.stepProperty().addListener((o, a, n) -> b.setSelected(n == s));
      box.getChildren().add(b);
    }
    return box;
  }

  private Node statusBar() {
    StatusBar bar = new StatusBar();
    bar.setId("statusBar");
    bar.textProperty().bind(vm.monitor().titleProperty());
    bar.progressProperty().bind(Bindings.when(vm.monitor().runningProperty())
        .then(vm.monitor().progressProperty()).otherwise(0.0));
    Button cancel = new Button("Cancel");
    cancel.setId("cancelButton");
    cancel.setTooltip(new Tooltip("Stop the running task (Esc)"));
    cancel.visibleProperty().bind(vm.monitor().runningProperty());
    cancel.managedProperty().bind(cancel.visibleProperty());
    cancel.setOnAction(e -> vm.cancelTask());
    Label summary = new Label();
    summary.setId("datasetSummary");
    summary.textProperty().bind(vm.datasetSummary());
    bar.getRightItems().addAll(cancel, summary);
    root.sceneProperty().addListener((o, a, scene) -> {
      if (scene != null) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), vm::cancelTask);
      }
    });
    return bar;
  }
}

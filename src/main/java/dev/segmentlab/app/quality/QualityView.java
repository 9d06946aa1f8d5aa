package dev.segmentlab.app.quality;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/** The Quality step: a notice when cleaning does not apply, then tabs for cleaning, missing values and outliers. */
public final class QualityView {
  private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

  private final QualityViewModel vm;
  private final BorderPane root = new BorderPane();

  public QualityView(QualityViewModel vm) {
    this.vm = vm;
    build();
  }

  public Node node() { return root; }

  private void build() {
    root.setId("qualityRoot");
    root.getStylesheets().add(QualityView.class.getResource("/dev/segmentlab/app/quality/quality.css").toExternalForm());

    Label notice = new Label();
    notice.setId("qualityNotice");
    notice.getStyleClass().add("info-banner");
    notice.setWrapText(true);
    notice.textProperty().bind(vm.noticeProperty());
    notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
    notice.managedProperty().bind(notice.visibleProperty());
    root.setTop(notice);

    Tab cleaning = new Tab("Cleaning", new CleaningPane(vm.cleaning(), vm.transactionsProperty()).node());
    cleaning.setId("cleaningTab");
    Tab missing = new Tab("Missing values", new MissingPane(vm.missing()).node());
    missing.setId("missingTab");
    Tab outliers = new Tab("Outliers", new OutlierPane(vm.outliers()).node());
    outliers.setId("outliersTab");
    TabPane tabs = new TabPane(cleaning, missing, outliers);
    tabs.setId("qualityTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    root.setCenter(tabs);

    // bubbling, so that a text area's own Ctrl+Z (undo typing) wins while it has the focus
    root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (UNDO.match(e) && vm.cleaning().canUndoProperty().get()) {
        vm.cleaning().undo();
        e.consume();
      }
    });
  }
}

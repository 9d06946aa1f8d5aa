package dev.segmentlab.app.fx;

import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.SafeFileWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import java.io.IOException;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;

/**
 * Charts as PNG: every chart a view registers gets a context menu "Save as PNG…", and the Export step can save
 * all registered charts into a folder at once. Files are written through {@link SafeFileWriter}, so a failed
 * write leaves nothing behind.
 */
public final class ChartExport {
  private final DialogService dialogs;
  private final Map<String, Node> charts = new LinkedHashMap<>();

  public ChartExport(DialogService dialogs) { this.dialogs = dialogs; }

  /** Registers a chart under a file-friendly name (e.g. "elbow") and gives it a "Save as PNG…" menu. */
  public void install(Node chart, String name) {
    charts.put(name, chart);
    MenuItem save = new MenuItem("Save as PNG…");
    save.setOnAction(e -> dialogs.chooseSaveFile("Save chart as PNG", name + ".png", List.of("*.png"))
        .ifPresent(p -> {
          try {
            write(chart, p, true);
            dialogs.showInfo("Chart saved", "Saved " + p.getFileName() + ".");
          } catch (ExportException ex) {
            dialogs.showError("Could not save the chart", ex.getMessage());
          }
        }));
    ContextMenu menu = new ContextMenu(save);
    chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
  }

  /**
   * Registers the {@linkplain ExportedChart exported charts} found under {@code root}, looking into tabs, split
   * panes and scroll panes too, so that views need not know about exporting.
   *
   * @return {@code root}
   */
  public Node installAll(Node root) {
    walk(root);
    return root;
  }

  private void walk(Node n) {
    if (n == null) return;
    ExportedChart.byNodeId(n.getId()).ifPresent(c -> install(n, c.fileName()));
    if (n instanceof TabPane tp) for (var t : tp.getTabs()) walk(t.getContent());
    if (n instanceof SplitPane sp) for (Node c : sp.getItems()) walk(c);
    if (n instanceof ScrollPane sc) walk(sc.getContent());
    if (n instanceof TitledPane tp) walk(tp.getContent());
    if (n instanceof Parent p && !(n instanceof Chart)) {
      for (Node c : p.getChildrenUnmodifiable()) walk(c);
    }
  }

  /** Names of the registered charts. */
  public List<String> names() { return new ArrayList<>(charts.keySet()); }

  /**
   * Saves every registered chart that is laid out (its step has been opened) into {@code folder} as
   * {@code <name>.png}, replacing files only when {@code overwrite}.
   *
   * @return the files written
   */
  public List<Path> saveAll(Path folder, boolean overwrite) throws ExportException {
    List<Path> out = new ArrayList<>();
    for (Map.Entry<String, Node> e : charts.entrySet()) {
      Node n = e.getValue();
      if (n.getScene() == null || n.getLayoutBounds().getWidth() < 10 || n.getLayoutBounds().getHeight() < 10) continue;
      Path p = folder.resolve(e.getKey().toLowerCase(Locale.ROOT) + ".png");
      write(n, p, overwrite);
      out.add(p);
    }
    return out;
  }

  /** Snapshots a node (white background) and writes it as PNG. */
  public static void write(Node node, Path target, boolean overwrite) throws ExportException {
    SnapshotParameters sp = new SnapshotParameters();
    sp.setFill(Color.WHITE);
    WritableImage img = node.snapshot(sp, null);
    BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
    SafeFileWriter.write(target, overwrite, os -> {
      if (!ImageIO.write(bi, "png", os)) throw new IOException("no PNG writer available");
    });
  }
}

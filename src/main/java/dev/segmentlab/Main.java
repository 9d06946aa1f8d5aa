package dev.segmentlab;

import dev.segmentlab.cli.SegmentLabCli;

/**
 * Entry point. Without arguments it opens the desktop app; with a subcommand it runs the command line. It does
 * not extend Application, so the JavaFX runtime can sit on the class path of a plain {@code java -jar}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      javafx.application.Application.launch(dev.segmentlab.app.App.class);
      return;
    }
    if (dev.segmentlab.app.App.opensFile(args)) { // `SegmentLab orders.csv`, or "Open with" from a file manager
      javafx.application.Application.launch(dev.segmentlab.app.App.class, args);
      return;
    }
    SegmentLabCli.prefetchInput(args);
    System.exit(SegmentLabCli.execute(args));
  }
}

package dev.segmentlab.cli;

import dev.segmentlab.Version;
import dev.segmentlab.core.data.DataException;
import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code segmentlab profile|segment|explore|bench …}. */
@Command(name = "segmentlab", mixinStandardHelpOptions = true, versionProvider = SegmentLabCli.VersionProvider.class,
    description = "Turns retail transactions into named customer segments. Without a command, opens the app.",
    subcommands = {ProfileCommand.class, SegmentCommand.class, ExploreCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class SegmentLabCli {

  /** Exit code for unusable input (bad file, bad option value). */
  public static final int EXIT_INPUT = 2;

  /** Runs the command line and returns the exit code. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new SegmentLabCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("error: " + message(ex));
      return EXIT_INPUT;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("error: " + ex.getMessage() + " (see --help)");
      return EXIT_INPUT;
    });
    return cl.execute(args);
  }

  /** One line for the analyst; the class name only for unexpected failures. */
  static String message(Throwable ex) {
    if (ex instanceof DataException || ex instanceof IllegalArgumentException) return oneLine(ex.getMessage());
    if (ex instanceof CancellationException) return "cancelled";
    if (ex instanceof OutOfMemoryError) return "out of memory: give Java more with -Xmx (e.g. JAVA_OPTS=-Xmx4g)";
    if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) return oneLine(ex.getMessage());
    String m = ex.getMessage();
    return ex.getClass().getSimpleName() + (m == null ? "" : ": " + oneLine(m));
  }

  private static String oneLine(String s) {
    return s == null ? "unknown error" : s.replace('\n', ' ').replace('\r', ' ');
  }

  /** Prints the build's version. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override public String[] getVersion() {
      return new String[] {"SegmentLab " + Version.get(), "Java " + System.getProperty("java.version")};
    }
  }
}

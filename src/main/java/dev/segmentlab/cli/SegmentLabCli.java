package dev.segmentlab.cli;

import dev.segmentlab.Version;
import dev.segmentlab.core.data.DataException;
import dev.segmentlab.core.pipeline.OptionException;
import dev.segmentlab.core.data.MappingNeeded;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The command line: {@code segmentlab profile|segment|explore|bench …}. */
@Command(name = "segmentlab", mixinStandardHelpOptions = true, versionProvider = SegmentLabCli.VersionProvider.class,
    description = "Turns retail transactions into named customer segments. Without a command, opens the app.")
public final class SegmentLabCli {

  /**
   * The commands by name. Only the one named on the command line is built: picocli builds a command's model by
   * reflection, and building all of them was a large part of a short run's start-up (see the README's performance section).
   * Help, an unknown name or no name builds them all, so usage and "did you mean" stay complete.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("profile", ProfileCommand::new);
    COMMANDS.put("segment", SegmentCommand::new);
    COMMANDS.put("assign", AssignCommand::new);
    COMMANDS.put("explore", ExploreCommand::new);
    COMMANDS.put("bench", BenchCommand::new);
    COMMANDS.put("customer", CustomerCommand::new);
    COMMANDS.put("migrate", MigrateCommand::new);
    COMMANDS.put("report", ReportCommand::new);
    COMMANDS.put("compare", CompareCommand::new);
  }

  /** Exit code for unusable input (bad file, bad option value). */
  public static final int EXIT_INPUT = 2;

  /**
   * For a process that runs one command: when the command reads a file named right after it (as in
   * {@code segment FILE …}), starts reading that file now, while picocli builds the command (see
   * {@link Prefetch}). Harmless when the guess is wrong: the command then reads the file itself.
   */
  public static void prefetchInput(String... args) {
    if (args.length < 2 || !READS_FILE.contains(args[0]) || args[1].startsWith("-")) return;
    try {
      Prefetch.read(Path.of(args[1]), Workers.pool());
    } catch (InvalidPathException e) {
      // picocli will say what is wrong with the argument
    }
  }

  private static final Set<String> READS_FILE = Set.of("profile", "segment", "explore");

  /** Runs the command line and returns the exit code. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new SegmentLabCli());
    String first = args.length == 0 ? "" : args[0];
    if (COMMANDS.containsKey(first)) {
      cl.addSubcommand(first, COMMANDS.get(first).get());
    } else {
      COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
      cl.addSubcommand("help", new CommandLine.HelpCommand());
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("error: " + asWritten(message(ex), cmd.getCommandSpec()));
      return EXIT_INPUT;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("error: " + conversion(ex.getMessage()) + " (see --help)");
      return EXIT_INPUT;
    });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands only Exceptions to the handler above; an Error would end in a stack trace
      err.println("error: " + message(e));
      return EXIT_INPUT;
    }
  }

  /** One line for the analyst; the class name only for unexpected failures. */
  static String message(Throwable ex) {
    if (ex instanceof OptionException o) {
      return flagOf(o.option()) + (o.value() == null ? "" : " " + o.value()) + ": " + oneLine(o.getMessage());
    }
    if (ex instanceof MappingNeeded m) {
      return oneLine(m.getMessage()) + " On the command line: rename the column, or give --mode customers to read "
          + "each row as one customer.";
    }
    if (ex instanceof DataException || ex instanceof IllegalArgumentException) return oneLine(ex.getMessage());
    if (ex instanceof CancellationException) return "cancelled";
    if (ex instanceof OutOfMemoryError) {
      return "out of memory: the run needs more than the " + (Runtime.getRuntime().maxMemory() >> 20)
          + " MB available; raise the heap with JAVA_OPTS=-Xmx" + Math.max(2, 2 * (Runtime.getRuntime().maxMemory() >> 30))
          + "g or open a smaller file.";
    }
    if (ex instanceof UncheckedIOException || ex instanceof IOException) return oneLine(ex.getMessage());
    String m = ex.getMessage();
    return ex.getClass().getSimpleName() + (m == null ? "" : ": " + oneLine(m));
  }

  /** The flag of a core option key (the keys of {@link dev.segmentlab.core.pipeline.PipelineOptions}). */
  static String flagOf(String option) {
    return switch (option) {
      case "kMin" -> "--k-min";
      case "kMax" -> "--k-max";
      case "stabilityRuns" -> "--stability";
      default -> "--" + option.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    };
  }

  private static final Pattern CONVERSION =
      Pattern.compile("Invalid value for (option '([^']+)'|positional parameter at index \\d+ \\((\\S+)\\)): '(.*)' is not an? (\\w+)");

  /**
   * picocli's "Invalid value for option '--seed': 'abc' is not a long" as "--seed takes a whole number, not 'abc'":
   * the option as written and what it takes, in the analyst's words.
   */
  static String conversion(String message) {
    if (message == null) return "unknown error";
    Matcher m = CONVERSION.matcher(message);
    if (!m.find()) return oneLine(message);
    String name = m.group(2) != null ? m.group(2) : m.group(3);
    String takes = switch (m.group(5)) {
      case "int", "long", "short", "byte", "BigInteger" -> "a whole number";
      case "double", "float", "BigDecimal" -> "a number (e.g. 0.5)";
      case "boolean" -> "true or false";
      default -> "a " + m.group(5);
    };
    return name + " takes " + takes + ", not '" + m.group(4) + "'";
  }

  /** A core message that names a Java parameter ({@code minConfidence}) names the option instead. */
  static String asWritten(String message, CommandLine.Model.CommandSpec spec) {
    String out = message;
    for (CommandLine.Model.OptionSpec o : spec.options()) {
      String flag = o.longestName();
      if (!flag.startsWith("--")) continue;
      StringBuilder camel = new StringBuilder();
      boolean up = false;
      for (char c : flag.substring(2).toCharArray()) {
        if (c == '-') { up = true; continue; }
        camel.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
      if (camel.toString().equals(flag.substring(2))) continue; // one word: "k", "seed" read as plain words
      out = out.replaceAll("(?<![\\w-])" + Pattern.quote(camel.toString()) + "(?!\\w)", Matcher.quoteReplacement(flag));
    }
    return out;
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

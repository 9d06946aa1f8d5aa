package dev.segmentlab.cli;

import dev.segmentlab.core.compare.Comparison;
import dev.segmentlab.core.compare.WorkspaceComparison;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.export.WorkspaceFile;
import dev.segmentlab.core.pipeline.SegmentationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.nio.file.StandardCopyOption;

/** {@code compare A.segmentlab.json B.segmentlab.json [--json] [--moved F.csv]}: two solutions side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compares two saved segmentations of the same customers: contingency table, ARI, NMI, who moved.")
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A.segmentlab.json") Path a;
  @Parameters(index = "1", paramLabel = "B.segmentlab.json") Path b;

  @Option(names = "--json", description = "Print one JSON object (ari, nmi, contingency, ...).")
  boolean json;

  @Option(names = "--moved", paramLabel = "F.csv", description = "Write the customers who moved (id, segment in A, segment in B).")
  Path moved;

  @Option(names = "--force", description = "Replace the --moved file if it exists.")
  boolean force;

  @Override public Integer call() throws ExportException {
    if (moved != null && !force && Files.exists(moved)) {
      throw new IllegalArgumentException(moved + " already exists; add --force to replace it or choose another name.");
    }
    Workspace wa = WorkspaceFile.read(a);
    Workspace wb = WorkspaceFile.read(b);
    WorkspaceComparison.Result r = WorkspaceComparison.of(wa, wb, RunControl.on(Workers.pool()));
    Comparison c = r.comparison();
    List<Comparison.Move> moves = c.moved();
    if (moved != null) writeMoved(moved, moves, r.a(), r.b());
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("a", side(a, r.a()));
      m.put("b", side(b, r.b()));
      m.put("customers_compared", c.matched());
      m.put("only_in_a", c.onlyInA());
      m.put("only_in_b", c.onlyInB());
      m.put("ari", c.ari());
      m.put("nmi", c.nmi());
      m.put("contingency", Arrays.asList(c.contingency()));
      m.put("moved", moves.size());
      if (moved != null) m.put("moved_file", moved.toAbsolutePath().normalize().toString());
      w.println(Json.write(m));
    } else {
      w.printf("A: %s (%s, k = %d)%nB: %s (%s, k = %d)%n", a, r.a().method(), r.a().k(), b, r.b().method(), r.b().k());
      w.printf("%,d customers compared; ARI %.4f, NMI %.4f; %,d moved%n", c.matched(), c.ari(), c.nmi(), moves.size());
      int[][] t = c.contingency();
      w.printf("%-24s", "A \\ B");
      for (int j = 0; j < r.b().k(); j++) w.printf(" %10s", "B" + j);
      w.println();
      for (int i = 0; i < t.length; i++) {
        w.printf("%-24s", "A" + i + " " + shorten(r.a().names().get(i)));
        for (int v : t[i]) w.printf(" %,10d", v);
        w.println();
      }
    }
    return 0;
  }

  private static Map<String, Object> side(Path file, SegmentationResult s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workspace", file.toAbsolutePath().normalize().toString());
    m.put("method", s.method());
    m.put("k", s.k());
    m.put("names", s.names());
    m.put("sizes", s.solution().sizes());
    return m;
  }

  private static String shorten(String s) {
    return s.length() <= 20 ? s : s.substring(0, 19) + "…";
  }

  private static void writeMoved(Path file, List<Comparison.Move> moves, SegmentationResult a, SegmentationResult b) {
    List<String> lines = new ArrayList<>();
    lines.add("customer_id,segment_a,name_a,segment_b,name_b");
    for (Comparison.Move m : moves) {
      lines.add(csv(m.id()) + "," + m.from() + "," + csv(a.names().get(m.from())) + "," + m.to() + ","
          + csv(b.names().get(m.to())));
    }
    try {
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".moved", ".tmp");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}

package dev.segmentlab.cli;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.FileFingerprint;
import dev.segmentlab.core.export.OutputBatch;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.export.WorkspaceFile;
import dev.segmentlab.core.pipeline.ExportRequest;
import dev.segmentlab.core.pipeline.SegmentAssigner;
import dev.segmentlab.core.pipeline.SegmentExport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assign NEWFILE --workspace W [--out F] [--json]}: a saved segmentation applied to another file. */
@Command(name = "assign", mixinStandardHelpOptions = true,
    description = "Puts the customers of another file into the segments of a saved workspace: same cleaning, same "
        + "features and snapshot rule, the saved transforms and scaling, nearest saved centroid.")
final class AssignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NEWFILE", description = "Transactions (or customer table) to assign.")
  Path file;

  @Option(names = "--workspace", required = true, paramLabel = "W.segmentlab.json", description = "The saved segmentation.")
  Path workspace;

  @Mixin OutputOptions output = new OutputOptions();

  @Option(names = "--json", description = "Print one JSON object: customers, counts per segment, out.")
  boolean json;

  @Override public Integer call() throws ExportException {
    try (OutputBatch batch = output.checkAll(null)) {
      return run(batch);
    }
  }

  private Integer run(OutputBatch batch) throws ExportException {
    ExportRequest request = output.request();
    Workspace ws = WorkspaceFile.read(workspace);
    SegmentAssigner.Assignment a = SegmentAssigner.assign(file, ws, RunControl.on(Workers.pool()));
    Reports.warn(spec.commandLine().getErr(), a.dataset());
    SegmentExport.Outcome written = null;
    if (request != null) {
      SegmentExport.Context ctx = new SegmentExport.Context(a.dataset(), a.cleaned(), FileFingerprint.of(file), Instant.now());
      written = SegmentExport.stage(a.segmentation(), ctx, request, batch, RunControl.none());
      batch.commit();
    }
    int[] counts = a.counts();
    List<String> names = a.segmentation().names();
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", file.getFileName().toString());
      m.put("workspace", workspace.toAbsolutePath().normalize().toString());
      m.put("customers", a.customers());
      m.put("k", counts.length);
      if (a.segmentation().features().snapshot() != null) {
        m.put("snapshot", a.segmentation().features().snapshot().toLocalDate().toString());
      }
      List<Map<String, Object>> segs = new ArrayList<>();
      for (int s = 0; s < counts.length; s++) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", s);
        e.put("name", names.get(s));
        e.put("size", counts[s]);
        e.put("share", a.customers() == 0 ? null : Json.num((double) counts[s] / a.customers()));
        segs.add(e);
      }
      m.put("segments", segs);
      if (written != null) {
        m.put("out", written.files().get(0).toString());
        m.put("out_files", written.files().stream().map(Path::toString).toList());
      }
      w.println(Json.write(m));
    } else {
      w.printf("%,d customers of %s in the %d segments of %s%n", a.customers(), file.getFileName(), counts.length,
          workspace.getFileName());
      for (int s = 0; s < counts.length; s++) {
        w.printf("segment %d  %-24s %,7d customers (%4.1f%%)%n", s, names.get(s), counts[s],
            a.customers() == 0 ? 0.0 : 100.0 * counts[s] / a.customers());
      }
      if (written != null) w.printf("wrote %s%n", written.files().get(0));
    }
    return 0;
  }
}

package dev.segmentlab.core.report;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.FileFingerprint;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.quality.CleaningOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** One run per test JVM of the bundled file (k = 4, the seeds' recipe) and of Mall Customers, shared by the report tests. */
final class ReportFixtures {
  private ReportFixtures() {}

  static final Path ONLINE_RETAIL = Path.of("assets/data/online-retail.csv.gz");
  static final Path MALL = Path.of("src/test/resources/data/mall-customers.csv");
  static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

  private static ReportModel onlineRetail;
  private static ReportModel mall;

  static PipelineOptions options(int k, int stability) {
    return new PipelineOptions(ReadOptions.defaults(), CleaningOptions.seeds(), List.of(), Transform.LOG1P,
        Scaling.STANDARD, 2, 8, k, 10, 42, stability);
  }

  static synchronized ReportModel onlineRetail() throws ExportException {
    if (onlineRetail == null) onlineRetail = build(ONLINE_RETAIL, options(4, 3));
    return onlineRetail;
  }

  static synchronized ReportModel mall() throws ExportException {
    if (mall == null) mall = build(MALL, options(0, 3));
    return mall;
  }

  private static ReportModel build(Path file, PipelineOptions o) throws ExportException {
    PipelineResult r = Pipeline.run(file, o, RunControl.none());
    return ReportBuilder.build(r, o, FileFingerprint.of(file), CREATED, RunControl.none());
  }
}

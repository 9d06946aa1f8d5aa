package dev.segmentlab.cli;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.pipeline.Stages;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.CleaningReport;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.util.List;

/** {@code profile FILE [--sheet S] [--json]}: what the file holds and what default cleaning would remove. */
@Command(name = "profile", mixinStandardHelpOptions = true,
    description = "Reads a file and prints the load report, a per-column summary and the default cleaning.")
final class ProfileCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin InputOptions input = new InputOptions();
  @Mixin ReturnsOption returns = new ReturnsOption();

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override public Integer call() {
    Stages stages = Workers.stages();
    RunControl rc = RunControl.on(Workers.pool());
    Dataset d = input.read(stages, rc);
    Reports.warn(spec.commandLine().getErr(), d);
    PrintWriter out = spec.commandLine().getOut();
    CleanedData cleaned = stages.clean(d, returns.cleaning(), rc);
    CleaningReport cleaning = cleaned == null ? null : cleaned.report();
    if (json) {
      Map<String, Object> m = Reports.profile(d);
      m.put("cleaning", cleaning == null ? List.of() : Reports.cleaning(cleaning));
      m.put("rows_after_cleaning", cleaning == null ? d.rows() : cleaning.rowsAfterCleaning());
      m.put("customers_after_cleaning", cleaning == null ? d.report().customers() : cleaning.customers());
      ReturnsOption.put(m, cleaned);
      out.println(Json.write(m));
    } else {
      Reports.printProfile(out, d);
      if (cleaning != null) Reports.printCleaning(out, cleaning);
      if (cleaned != null) out.printf("returns: %s%s%n", cleaned.options().returns().key(), cleaned.netting() == null ? ""
          : String.format(" (%,d customers with net spend ≤ 0 left out)", cleaned.netting().excludedCustomers()));
    }
    return 0;
  }
}

package dev.segmentlab.cli;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.explore.AssociationRules;
import dev.segmentlab.core.explore.ExploreReport;
import dev.segmentlab.core.explore.MonthlyPoint;
import dev.segmentlab.core.pipeline.Stages;
import dev.segmentlab.core.quality.CleanedData;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code explore FILE [--min-support 0.02] [--json]}: monthly sales, cohorts and the top product rules. */
@Command(name = "explore", mixinStandardHelpOptions = true,
    description = "Monthly revenue, cohort retention and association rules of the cleaned transactions.")
final class ExploreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin InputOptions input = new InputOptions();
  @Mixin ReturnsOption returns = new ReturnsOption();

  @Option(names = "--min-support", paramLabel = "FRACTION", defaultValue = "0.02",
      description = "Minimum share of baskets an itemset must appear in (default ${DEFAULT-VALUE}).")
  double minSupport;

  @Option(names = "--min-confidence", paramLabel = "FRACTION", defaultValue = "0.0", description = "Minimum rule confidence.")
  double minConfidence;

  @Option(names = "--min-lift", paramLabel = "X", defaultValue = "1.0", description = "Minimum rule lift.")
  double minLift;

  @Option(names = "--json", description = "Print one JSON object with monthly, cohorts and rules.")
  boolean json;

  @Override public Integer call() {
    if (!(minSupport > 0 && minSupport <= 1)) throw new IllegalArgumentException("--min-support must be in (0, 1], not " + minSupport);
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("--min-confidence must be in [0, 1], not " + minConfidence
          + "; give a fraction such as 0.3.");
    }
    Stages stages = Workers.stages();
    RunControl rc = RunControl.on(Workers.pool());
    Dataset d = input.read(stages, rc);
    Reports.warn(spec.commandLine().getErr(), d);
    if (d.transactions() == null) {
      throw new IllegalArgumentException(d.report().file() + " is a customer table: explore needs transaction lines.");
    }
    CleanedData c = stages.clean(d, returns.cleaning(), rc);
    AssociationRules.Options ro = AssociationRules.Options.DEFAULT.withMinSupport(minSupport)
        .withMinConfidence(minConfidence).withMinLift(minLift);
    ExploreReport r = ExploreReport.build(d.transactions(), c.rows(), c.options()::isNonProduct, null, ro, RunControl.none());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = r.toJsonMap();
      m.put("cleaning", Reports.cleaning(c.report()));
      m.put("rows_after_cleaning", c.report().rowsAfterCleaning());
      m.put("customers", c.report().customers());
      ReturnsOption.put(m, c);
      out.println(Json.write(m));
      return 0;
    }
    out.printf("%-8s %14s %8s %10s%n", "month", "revenue", "orders", "customers");
    for (MonthlyPoint p : r.monthly()) out.printf("%-8s %,14.2f %,8d %,10d%n", p.month(), p.revenue(), p.orders(), p.customers());
    out.printf("%n%-8s %6s  retention by month since first purchase%n", "cohort", "size");
    for (ExploreReport.CohortRow row : r.cohorts()) {
      StringBuilder sb = new StringBuilder();
      for (double v : row.retention()) sb.append(String.format(" %3.0f%%", v * 100));
      out.printf("%-8s %,6d %s%n", row.cohort(), row.size(), sb);
    }
    out.printf("%ntop rules by lift (min support %.3f)%n", minSupport);
    for (ExploreReport.RuleRow rule : r.rules()) {
      out.printf("  %s → %s  support %.3f  confidence %.2f  lift %.1f%n", rule.antecedent(), rule.consequent(),
          rule.support(), rule.confidence(), rule.lift());
    }
    return 0;
  }
}

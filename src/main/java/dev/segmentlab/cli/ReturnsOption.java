package dev.segmentlab.cli;

import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.Returns;
import dev.segmentlab.core.quality.ReturnsNetting;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --returns net|drop}, shared by profile, segment and explore, and the JSON that says which mode ran. */
final class ReturnsOption {
  @Option(names = "--returns", defaultValue = "net", paramLabel = "net|drop",
      description = "Cancellations: net them against the customer's purchases (default) or drop them as the seeds do.")
  String returns = "net";

  /** The default cleaning with the chosen treatment of returns; throws one line for anything but net or drop. */
  CleaningOptions cleaning() {
    return CleaningOptions.defaults().withReturns(Returns.parse(returns));
  }

  /** JSON {@code returns} ("net" or "drop") and, when netted, {@code returns_netting} with what netting changed. */
  static void put(Map<String, Object> m, CleanedData c) {
    if (c == null) {
      m.put("returns", null);
      return;
    }
    m.put("returns", c.options().returns().key());
    ReturnsNetting n = c.netting();
    if (n == null) return;
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("cancellation_lines", n.cancellationLines());
    j.put("matched_value", Math.round(n.matchedValue() * 100) / 100.0);
    j.put("unmatched_value", Math.round(n.unmatchedValue() * 100) / 100.0);
    j.put("orders_cancelled_whole", n.ordersCancelledWhole());
    j.put("customers_net_spend_not_positive", n.excludedCustomers());
    m.put("returns_netting", j);
  }
}

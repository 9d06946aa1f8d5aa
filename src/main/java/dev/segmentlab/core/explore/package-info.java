/**
 * Exploration views over cleaned transactions: the {@linkplain dev.segmentlab.core.explore.OverviewBuilder
 * overview} (revenue, orders and customers by month, weekday, hour and country; basket and customer
 * distributions; key figures), {@linkplain dev.segmentlab.core.explore.CohortBuilder cohorts} (retention and
 * revenue by month of first purchase) and {@linkplain dev.segmentlab.core.explore.AssociationRules association
 * rules} (FP-Growth over invoices).
 *
 * <p>Every entry point takes the {@link dev.segmentlab.core.data.Transactions} and the ascending indices of the
 * rows to use (the quality step decides them), runs synchronously on the caller's thread, reports progress as a
 * fraction in [0, 1] and throws {@link java.util.concurrent.CancellationException} when its cancellation check
 * answers {@code true}. Results are immutable records; {@link dev.segmentlab.core.explore.ExploreReport} is the
 * JSON-friendly summary the CLI prints.
 */
package dev.segmentlab.core.explore;

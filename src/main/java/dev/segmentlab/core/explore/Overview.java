package dev.segmentlab.core.explore;

import java.util.List;

/**
 * The overview of a set of transaction rows, built by {@link OverviewBuilder}.
 *
 * @param keyFigures customers, invoices, products, revenue, average basket
 * @param monthly one point per calendar month from the first to the last month of the rows, gaps included
 * @param weekdays seven points, Monday first
 * @param hours 24 points, 00:00 first
 * @param topCountries countries by descending revenue, at most {@link OverviewBuilder.Options#topCountries()}
 * @param basketItems units (sum of quantity) per invoice
 * @param basketProducts distinct products per invoice
 * @param basketRevenue revenue per invoice
 * @param revenuePerCustomer revenue per customer, with log-spaced bins
 */
public record Overview(KeyFigures keyFigures, List<MonthlyPoint> monthly, List<PeriodPoint> weekdays,
    List<PeriodPoint> hours, List<CountryRevenue> topCountries, Distribution basketItems,
    Distribution basketProducts, Distribution basketRevenue, Distribution revenuePerCustomer) {
  public Overview {
    monthly = List.copyOf(monthly);
    weekdays = List.copyOf(weekdays);
    hours = List.copyOf(hours);
    topCountries = List.copyOf(topCountries);
  }
}

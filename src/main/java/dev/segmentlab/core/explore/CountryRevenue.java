package dev.segmentlab.core.explore;

/**
 * Revenue of one country.
 *
 * @param country the country as written in the file, or {@value OverviewBuilder#UNKNOWN_COUNTRY} when blank
 * @param revenue sum of quantity × unit price, in the file's currency
 * @param share revenue as a fraction of the total revenue of the rows, in [0, 1] when revenues are positive
 * @param orders distinct invoices
 * @param customers distinct customers
 */
public record CountryRevenue(String country, double revenue, double share, int orders, int customers) {}

package dev.segmentlab.core.explore;

/**
 * One calendar month of activity. Field names are the JSON keys the CLI prints.
 *
 * @param month {@code YYYY-MM}
 * @param revenue sum of quantity × unit price of the month's rows, in the file's currency
 * @param orders distinct invoices in the month
 * @param customers distinct customers active in the month
 */
public record MonthlyPoint(String month, double revenue, int orders, int customers) {}

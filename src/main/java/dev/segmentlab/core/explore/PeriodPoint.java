package dev.segmentlab.core.explore;

/**
 * Activity in one slot of a cycle (a weekday or an hour of the day).
 *
 * @param index 0 = Monday … 6 = Sunday for weekdays, 0 … 23 for hours
 * @param label "Monday" or "08:00"
 * @param revenue sum of quantity × unit price, in the file's currency
 * @param orders distinct invoices
 * @param customers distinct customers
 */
public record PeriodPoint(int index, String label, double revenue, int orders, int customers) {}

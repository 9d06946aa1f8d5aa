package dev.segmentlab.core.explore;

/**
 * Headline figures of a set of rows.
 *
 * @param rows number of transaction lines
 * @param customers distinct customer ids
 * @param invoices distinct invoices (orders)
 * @param products distinct products: normalised stock codes that are not non-product codes
 * @param revenue sum of quantity × unit price, in the file's currency
 * @param averageBasketRevenue revenue / invoices (0 without invoices)
 * @param firstDate earliest invoice date as {@code yyyy-MM-ddTHH:mm:ss}, or "" without rows
 * @param lastDate latest invoice date, or ""
 */
public record KeyFigures(int rows, int customers, int invoices, int products, double revenue,
    double averageBasketRevenue, String firstDate, String lastDate) {}

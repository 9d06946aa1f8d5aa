package dev.segmentlab.core.data;

import java.util.List;

/** What a column of a transactions file means. */
public enum Role {
  INVOICE("invoice", true, "invoiceno", "invoice", "invoicenumber", "invoiceid", "orderid", "orderno", "ordernumber", "order", "transactionid", "billno", "receiptno"),
  STOCK_CODE("stock code", false, "stockcode", "sku", "productid", "productcode", "itemcode", "itemid", "articleno", "product_id"),
  DESCRIPTION("description", false, "description", "productname", "itemname", "itemdescription", "productdescription", "product"),
  QUANTITY("quantity", true, "quantity", "qty", "units", "unitssold", "count"),
  INVOICE_DATE("date", true, "invoicedate", "date", "orderdate", "transactiondate", "datetime", "timestamp", "purchasedate", "invoicedatetime"),
  UNIT_PRICE("unit price", true, "unitprice", "price", "unitcost", "priceperunit", "itemprice"),
  CUSTOMER_ID("customer id", true, "customerid", "customer", "customerno", "customernumber", "clientid", "client", "custid", "userid"),
  COUNTRY("country", false, "country", "countryname", "market");

  private final String label;
  private final boolean required;
  private final List<String> aliases;

  Role(String label, boolean required, String... aliases) {
    this.label = label;
    this.required = required;
    this.aliases = List.of(aliases);
  }

  /** Human label, e.g. "customer id". */
  public String label() { return label; }

  /** Whether a transactions file must have this role to build customer features. */
  public boolean required() { return required; }

  /** Normalised header names that map to this role, best first. */
  public List<String> aliases() { return aliases; }

  /** Lower-case a header and drop everything but letters and digits: "Customer ID" → "customerid". */
  public static String normalise(String header) {
    StringBuilder sb = new StringBuilder(header.length());
    for (int i = 0; i < header.length(); i++) {
      char ch = Character.toLowerCase(header.charAt(i));
      if (Character.isLetterOrDigit(ch)) sb.append(ch);
    }
    return sb.toString();
  }

  /** The JSON / CLI key of the role, e.g. {@code customer_id}. */
  public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}

package dev.segmentlab.core.data;

import java.util.List;
import java.text.Normalizer;
import java.util.Locale;

/** What a column of a transactions file means. */
public enum Role {
  // English first, then German, French and Spanish names (accents are dropped before matching: "Quantité" →
  // "quantite"); an alias also matches a header it starts, from five letters ("Rechnungsnummer" → "rechnung").
  INVOICE("invoice", true, "invoiceno", "invoice", "invoicenumber", "invoiceid", "orderid", "orderno", "ordernumber", "order", "transactionid", "billno", "receiptno",
      "rechnungsnr", "rechnungsnummer", "rechnung", "belegnr", "belegnummer", "bestellnr", "bestellnummer", "bestellung",
      "nfacture", "nofacture", "numfacture", "numerofacture", "numerodefacture", "facture", "numcommande", "commande",
      "factura", "nfactura", "nofactura", "numfactura", "numerofactura", "numerodefactura", "pedido", "numpedido"),
  STOCK_CODE("stock code", false, "stockcode", "sku", "productid", "productcode", "itemcode", "itemid", "articleno", "product_id",
      "artikelnr", "artikelnummer", "produktnr", "produktnummer", "reference", "ref", "codeproduit", "codearticle",
      "codigo", "codigoproducto", "codigoarticulo", "referencia"),
  DESCRIPTION("description", false, "description", "productname", "itemname", "itemdescription", "productdescription", "product",
      "artikel", "artikelbezeichnung", "bezeichnung", "beschreibung", "produkt", "designation", "libelle", "produit",
      "article", "descripcion", "articulo", "producto"),
  QUANTITY("quantity", true, "quantity", "qty", "units", "unitssold", "count",
      "menge", "anzahl", "stuck", "stueck", "quantite", "qte", "cantidad", "unidades"),
  INVOICE_DATE("date", true, "invoicedate", "date", "orderdate", "transactiondate", "datetime", "timestamp", "purchasedate", "invoicedatetime",
      "datum", "rechnungsdatum", "bestelldatum", "belegdatum", "datefacture", "datedefacture", "datecommande",
      "fecha", "fechafactura", "fechadefactura", "fechapedido"),
  UNIT_PRICE("unit price", true, "unitprice", "price", "unitcost", "priceperunit", "itemprice",
      "preis", "einzelpreis", "stuckpreis", "stueckpreis", "prixunitaire", "prix", "precio", "preciounitario"),
  CUSTOMER_ID("customer id", true, "customerid", "customer", "customerno", "customernumber", "clientid", "client", "custid", "userid",
      "kunde", "kundennr", "kundennummer", "kundenid", "idclient", "numclient", "numeroclient", "noclient", "nclient",
      "cliente", "idcliente", "numcliente", "numerocliente", "nocliente"),
  COUNTRY("country", false, "country", "countryname", "market", "land", "pays", "pais");

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

  /**
   * Lower-case a header, drop accents and everything but letters and digits: "Customer ID" → "customerid",
   * "N° facture" → "nfacture".
   */
  public static String normalise(String header) {
    String plain = Normalizer.normalize(header, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(header.length());
    for (int i = 0; i < plain.length(); i++) {
      char ch = Character.toLowerCase(plain.charAt(i));
      if (Character.getType(ch) == Character.NON_SPACING_MARK) continue;
      if (Character.isLetterOrDigit(ch)) sb.append(ch);
    }
    return sb.toString();
  }

  /** The JSON / CLI key of the role, e.g. {@code customer_id}. */
  public String key() { return name().toLowerCase(Locale.ROOT); }
}

package dev.segmentlab.core.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rows in a database: a JDBC URL, the user and password, an optional driver jar (PostgreSQL and SQLite are
 * bundled), and either a table or a SQL query. Immutable. The password never leaves this object: {@link #toString}
 * masks it, {@link #withoutPassword} drops it (what a {@link Dataset} and a workspace keep), and {@link #safeUrl}
 * strips one written into the URL.
 *
 * @param url a JDBC URL, e.g. {@code jdbc:postgresql://host:5432/shop} or {@code jdbc:sqlite:/data/shop.db}
 * @param user the user name, or null
 * @param password the password, or null (none, or not known yet: a reopened workspace asks for it)
 * @param driverJar a jar with the JDBC driver when it is not bundled, or null
 * @param table the table to read ({@code schema.name} allowed), or null when {@code query} is given
 * @param query a SQL query, or null when {@code table} is given
 * @throws IllegalArgumentException when the URL is not a JDBC URL or not exactly one of table and query is given
 */
public record DatabaseSource(String url, String user, String password, Path driverJar, String table, String query) {
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)([?&;](password|pwd|passwd)=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("//([^/@:]+):[^/@]*@");

  public DatabaseSource {
    if (url == null || !url.trim().toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
      throw new IllegalArgumentException("The database URL must start with jdbc: (for example "
          + "jdbc:postgresql://localhost:5432/shop or jdbc:sqlite:/path/to/shop.db).");
    }
    url = url.trim();
    if (user != null && user.isBlank()) user = null;
    table = table == null || table.isBlank() ? null : table.trim();
    query = query == null || query.isBlank() ? null : query.trim();
    if ((table == null) == (query == null)) {
      throw new IllegalArgumentException("Give either a table or a query to read from the database, not both.");
    }
  }

  /** Reads a whole table. */
  public static DatabaseSource table(String url, String user, String password, String table) {
    return new DatabaseSource(url, user, password, null, table, null);
  }

  /** Reads the rows of a query. */
  public static DatabaseSource query(String url, String user, String password, String query) {
    return new DatabaseSource(url, user, password, null, null, query);
  }

  public DatabaseSource withPassword(String p) { return new DatabaseSource(url, user, p, driverJar, table, query); }

  public DatabaseSource withoutPassword() {
    return password == null ? this : new DatabaseSource(url, user, null, driverJar, table, query);
  }

  public DatabaseSource withDriverJar(Path jar) { return new DatabaseSource(url, user, password, jar, table, query); }

  public DatabaseSource withTable(String t) { return new DatabaseSource(url, user, password, driverJar, t, null); }

  public DatabaseSource withQuery(String q) { return new DatabaseSource(url, user, password, driverJar, null, q); }

  /** The URL without a password written into it ({@code password=...}, {@code user:secret@}). */
  public String safeUrl() { return safe(url); }

  static String safe(String url) {
    String s = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(s).replaceAll("//$1:***@");
  }

  /** The database product, from the URL: {@code postgresql}, {@code sqlite}, ... */
  public String kind() {
    String rest = url.substring(5);
    int colon = rest.indexOf(':');
    return (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  /** "table retail" or "query", for messages and the load report. */
  public String describe() { return table != null ? "table " + table : "query"; }

  @Override public String toString() {
    return "DatabaseSource[" + safeUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
        + ", " + (table != null ? "table=" + table : "query=" + query) + "]";
  }
}

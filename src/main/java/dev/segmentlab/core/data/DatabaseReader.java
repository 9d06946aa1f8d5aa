package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.CancellationException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ServiceConfigurationError;

/**
 * Reads a table or a query of a database through JDBC into a {@link Dataset}, with the same mapping, row rules and
 * load report as a file ({@link RecordReader}). Connections are opened read-only (PostgreSQL: read-only
 * transactions; SQLite: the file opened read-only) and rows are streamed with a fetch size of
 * {@value #FETCH_SIZE}, so a large table never sits whole in the driver. Every failure (host unreachable, wrong
 * password, missing table, failing query, a column of the wrong type) is one {@link DataException} whose message
 * never holds the password. Synchronous; cancellation is polled between rows.
 */
public final class DatabaseReader {
  private DatabaseReader() {}

  /** Rows fetched per round trip: about 1 MB of Online Retail lines, few enough trips to keep the wire busy. */
  static final int FETCH_SIZE = 10_000;
  private static final int CONNECT_TIMEOUT_SECONDS = 10;

  /**
   * A table or view of the database.
   *
   * @param schema its schema, or null
   * @param name its name
   * @param estimatedRows the database's estimate of its rows (PostgreSQL statistics, a count for SQLite), -1 unknown
   */
  public record TableInfo(String schema, String name, long estimatedRows) {
    /** {@code schema.name}, or the name alone in the default schema ({@code public}, {@code main}). */
    public String qualifiedName() {
      return schema == null || schema.equals("public") || schema.equals("main") ? name : schema + "." + name;
    }
  }

  /**
   * Connects and disconnects.
   *
   * @return the database product and version, e.g. "PostgreSQL 15.18"
   * @throws DataException when the database cannot be reached or refuses the login
   */
  public static String testConnection(DatabaseSource src) {
    try (Connection c = connect(src)) {
      DatabaseMetaData m = c.getMetaData();
      return m.getDatabaseProductName() + " " + m.getDatabaseProductVersion();
    } catch (SQLException e) {
      throw failure(e, src);
    }
  }

  /**
   * The tables and views a user can read (system schemas left out), with a row estimate each.
   *
   * @throws DataException as {@link #testConnection}
   */
  public static List<TableInfo> tables(DatabaseSource src) {
    try (Connection c = connect(src)) {
      List<TableInfo> out = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema != null && (schema.equals("information_schema") || schema.startsWith("pg_"))) continue;
          out.add(new TableInfo(schema, rs.getString("TABLE_NAME"), -1));
        }
      }
      List<TableInfo> withCounts = new ArrayList<>(out.size());
      for (TableInfo t : out) withCounts.add(new TableInfo(t.schema(), t.name(), estimate(c, src, t.qualifiedName())));
      return withCounts;
    } catch (SQLException e) {
      throw failure(e, src);
    }
  }

  /**
   * The column names, the first {@code limit} rows as text and the detected mapping.
   *
   * @throws DataException as {@link #read}
   */
  public static FilePreview preview(DatabaseSource src, int limit) {
    try (Connection c = connect(src); JdbcRows rows = JdbcRows.open(c, src, limit)) {
      return RecordReader.preview(rows, limit);
    } catch (SQLException e) {
      throw failure(e, src);
    }
  }

  /**
   * Reads the rows of the table or query.
   *
   * @param options the column mapping and mode (the sheet is ignored)
   * @param rc its executor lends threads to the final assembly (null = the calling thread); progress 0..1 when the
   *     table's size is known, negative while unknown; cancellation is polled every few thousand rows and stops the
   *     read with {@link CancellationException}
   * @throws DataException with one message for the analyst when the database or the rows cannot be used
   */
  public static Dataset read(DatabaseSource src, ReadOptions options, RunControl rc) {
    try (Connection c = connect(src)) {
      long expected = src.table() != null ? estimate(c, src, src.table()) : -1;
      try (JdbcRows rows = JdbcRows.open(c, src, 0)) {
        rows.expected = expected;
        String name = src.table() != null ? src.table() : "query";
        RecordReader.Origin origin = new RecordReader.Origin(null, name, src.kind(), "UTF-8 (" + src.kind() + ")", 0,
            src);
        return RecordReader.read(rows, origin, options, rc);
      }
    } catch (SQLException e) {
      throw failure(e, src);
    } catch (JdbcRows.Failed e) {
      throw failure(e.sql, src);
    }
  }

  /** Opens a read-only connection that streams. */
  static Connection connect(DatabaseSource src) throws SQLException {
    Driver driver = driver(src);
    Properties p = new Properties();
    if (src.user() != null) p.setProperty("user", src.user());
    if (src.password() != null) p.setProperty("password", src.password());
    String kind = src.kind();
    if (kind.equals("postgresql")) {
      p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
      p.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
      p.setProperty("ApplicationName", "SegmentLab");
      p.setProperty("readOnly", "true");
    } else if (kind.equals("sqlite")) {
      checkSqliteFile(src);
      p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: a missing file is not created
    }
    Connection c = driver.connect(src.url(), p);
    if (c == null) throw new SQLException("The driver does not accept the URL " + src.safeUrl(), "08001");
    try {
      if (!kind.equals("sqlite")) c.setReadOnly(true);
    } catch (SQLException e) {
      // a driver that cannot switch an open connection (DuckDB): its own URL options decide; SegmentLab only reads
      if (kind.equals("postgresql")) {
        c.close();
        throw e;
      }
    }
    try {
      c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
    } catch (SQLException e) {
      // a driver without transactions streams as it can
    }
    return c;
  }

  private static void checkSqliteFile(DatabaseSource src) {
    String path = src.url().substring("jdbc:sqlite:".length());
    int q = path.indexOf('?');
    if (q >= 0) path = path.substring(0, q);
    if (path.startsWith("file:")) path = path.substring(5);
    if (path.isEmpty() || path.equals(":memory:")) return;
    if (!Files.isRegularFile(Path.of(path))) {
      throw new DataException("The SQLite database " + path + " does not exist. Check the path in the URL.");
    }
  }

  private static Driver driver(DatabaseSource src) throws SQLException {
    if (src.driverJar() != null) {
      if (!Files.isRegularFile(src.driverJar())) {
        throw new DataException("The driver jar " + src.driverJar() + " does not exist.");
      }
      try {
        URLClassLoader loader = new URLClassLoader(new URL[] {src.driverJar().toUri().toURL()},
            DatabaseReader.class.getClassLoader());
        for (Driver d : ServiceLoader.load(Driver.class, loader)) if (d.acceptsURL(src.url())) return d;
      } catch (MalformedURLException | ServiceConfigurationError e) {
        throw new DataException("The driver jar " + src.driverJar() + " could not be loaded: " + e.getMessage(), e);
      }
    }
    try {
      return DriverManager.getDriver(src.url());
    } catch (SQLException e) {
      throw new DataException("No JDBC driver accepts " + src.safeUrl() + ". SegmentLab includes the PostgreSQL "
          + "(jdbc:postgresql:) and SQLite (jdbc:sqlite:) drivers; for another database add its driver jar "
          + "(--driver-jar, or Driver jar in the connection dialog).", e);
    }
  }

  /** The database's estimate of a table's rows, or -1. */
  private static long estimate(Connection c, DatabaseSource src, String table) {
    String sql = switch (src.kind()) {
      case "postgresql" -> "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(?)";
      case "sqlite" -> "SELECT COUNT(*) FROM " + quote(c, table);
      default -> null;
    };
    if (sql == null) return -1;
    try (PreparedStatement st = c.prepareStatement(sql)) {
      if (sql.contains("?")) st.setString(1, quote(c, table));
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Math.max(-1, rs.getLong(1)) : -1;
      }
    } catch (SQLException e) {
      rollbackQuietly(c);
      return -1;
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      if (!c.getAutoCommit()) c.rollback(); // PostgreSQL refuses every later statement of a failed transaction
    } catch (SQLException ignored) {
      // the next statement reports the state
    }
  }

  /** A table name quoted part by part ({@code schema.name}); a name that holds quotes already is left as it is. */
  static String quote(Connection c, String table) {
    String q;
    try {
      q = c.getMetaData().getIdentifierQuoteString();
    } catch (SQLException e) {
      q = "\"";
    }
    if (q == null || q.isBlank() || table.contains(q.trim())) return table;
    String qs = q.trim();
    StringBuilder sb = new StringBuilder();
    for (String part : table.split("\\.", -1)) {
      if (sb.length() > 0) sb.append('.');
      sb.append(qs).append(part.replace(qs, qs + qs)).append(qs);
    }
    return sb.toString();
  }

  /** One message for the analyst; never the password. */
  static RuntimeException failure(SQLException e, DatabaseSource src) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String msg = firstLine(e.getMessage());
    String lower = msg.toLowerCase(Locale.ROOT);
    String where = src.safeUrl();
    if (state.equals("57014") || lower.contains("canceling statement due to user request")) {
      return new CancellationException("Load cancelled");
    }
    if (src.password() == null && (lower.contains("no password was provided") || lower.contains("password authentication"))) {
      return new DataException("The database at " + where + " needs a password for user '" + src.user() + "'. Enter it "
          + "(the app asks; the CLI reads --password-file or PGPASSWORD).", e);
    }
    if (state.startsWith("08") || e.getCause() instanceof ConnectException
        || e.getCause() instanceof UnknownHostException || lower.contains("connection refused")) {
      return new DataException("Could not connect to the database at " + where + " (" + msg + "). Check the host, "
          + "the port and that the server is running.", e);
    }
    if (state.equals("28P01") || state.equals("28000")) {
      return new DataException("The database at " + where + " refused the login of user '" + src.user() + "'. Check "
          + "the user name and the password.", e);
    }
    if (state.equals("3D000")) {
      return new DataException("The database named in " + where + " does not exist (" + msg + ").", e);
    }
    if (state.equals("42P01") || lower.contains("no such table")) {
      String what = src.table() != null ? "The table '" + src.table() + "'" : "A table named in the query";
      return new DataException(what + " does not exist in the database at " + where + " (" + msg + ").", e);
    }
    if (lower.contains("sqlite_cantopen") || lower.contains("unable to open database")) {
      return new DataException("The SQLite database " + where + " could not be opened (" + msg + ").", e);
    }
    String what = src.table() != null ? "Reading the table '" + src.table() + "'" : "The query";
    return new DataException(what + " failed: " + msg + (state.isEmpty() ? "" : " (SQL state " + state + ")")
        + ". Nothing was loaded.", e);
  }

  private static String firstLine(String s) {
    if (s == null) return "no message";
    String t = DatabaseSource.safe(s.strip());
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }

  /** A result set as a {@link RowSource}. */
  static final class JdbcRows implements RowSource {
    /** A read failure inside {@link #next}, carried out of the row loop to {@link #failure}. */
    static final class Failed extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final transient SQLException sql;

      Failed(SQLException sql) {
        super(sql.getMessage(), sql);
        this.sql = sql;
      }
    }

    private final Statement statement;
    private final ResultSet rs;
    private final List<String> headers = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final int[] jdbcTypes;
    private final boolean textOnly;
    long expected = -1;

    private JdbcRows(Statement statement, ResultSet rs, boolean textOnly) throws SQLException {
      this.statement = statement;
      this.rs = rs;
      this.textOnly = textOnly;
      ResultSetMetaData m = rs.getMetaData();
      jdbcTypes = new int[m.getColumnCount()];
      for (int i = 1; i <= m.getColumnCount(); i++) {
        String label = m.getColumnLabel(i);
        headers.add(label == null || label.isBlank() ? "Column " + i : label.trim());
        jdbcTypes[i - 1] = m.getColumnType(i);
        String type = m.getColumnTypeName(i);
        types.add(type == null ? "?" : type);
        kinds.add(kindOf(jdbcTypes[i - 1], type));
      }
    }

    /** Runs the table's SELECT or the query; {@code maxRows} 0 = all. */
    static JdbcRows open(Connection c, DatabaseSource src, int maxRows) throws SQLException {
      String sql = src.table() != null ? "SELECT * FROM " + quote(c, src.table()) : src.query();
      Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      try {
        st.setFetchSize(maxRows > 0 ? Math.min(maxRows, FETCH_SIZE) : FETCH_SIZE);
        if (maxRows > 0) st.setMaxRows(maxRows);
        ResultSet rs = st.executeQuery(sql);
        return new JdbcRows(st, rs, src.kind().equals("sqlite"));
      } catch (SQLException e) {
        st.close();
        throw e;
      }
    }

    static Kind kindOf(int jdbcType, String typeName) {
      return switch (jdbcType) {
        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
            Types.NUMERIC, Types.DECIMAL -> Kind.NUMBER;
        case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
            Types.CLOB, Types.NCLOB -> Kind.TEXT;
        case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Kind.DATETIME;
        case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BINARY;
        default -> typeName != null && typeName.toLowerCase(Locale.ROOT).contains("text") ? Kind.TEXT : Kind.OTHER;
      };
    }

    @Override public List<String> headers() { return headers; }

    @Override public Kind kind(int i) { return kinds.get(i); }

    @Override public String typeName(int i) { return types.get(i); }

    @Override public long expectedRows() { return expected; }

    @Override public boolean next(Object[] row, boolean[] wanted) {
      try {
        if (!rs.next()) return false;
        for (int i = 0; i < row.length; i++) row[i] = wanted[i] ? value(i) : null;
        return true;
      } catch (SQLException e) {
        throw new Failed(e);
      }
    }

    private Object value(int i) throws SQLException {
      int col = i + 1;
      if (textOnly || kinds.get(i) != Kind.DATETIME) return rs.getString(col);
      int t = jdbcTypes[i];
      String name = types.get(i).toLowerCase(Locale.ROOT);
      try {
        if (t == Types.DATE) return rs.getObject(col, LocalDate.class);
        if (t == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz")) {
          return rs.getObject(col, OffsetDateTime.class);
        }
        return rs.getObject(col, LocalDateTime.class);
      } catch (SQLException e) {
        return rs.getString(col); // a driver that cannot convert: its text goes through the date parser
      }
    }

    @Override public void close() {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // the connection's close ends it too
      }
    }
  }
}

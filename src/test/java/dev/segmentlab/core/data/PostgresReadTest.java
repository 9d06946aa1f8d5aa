package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.export.WorkspaceFile;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.pipeline.WorkspaceRunner;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Against a real PostgreSQL server started for this class ({@link PostgresServer}): the bundled Online Retail
 * loaded into a table with COPY and read back through the app's path gives the same rows, customers and cleaning
 * counts as the .csv.gz; a WHERE query; the error cases, each one {@link DataException} with nothing changed.
 */
class PostgresReadTest {
  private static PostgresServer pg;
  private static ExecutorService pool;

  @BeforeAll
  static void startAndLoad() throws Exception {
    pg = PostgresServer.start();
    pool = Executors.newFixedThreadPool(2);
    try (Connection c = DriverManager.getConnection(pg.url(), PostgresServer.USER, PostgresServer.PASSWORD);
        Statement st = c.createStatement()) {
      // the types a warehouse would use: integer quantities, numeric prices, timestamps, float ids (as pandas writes)
      st.execute("CREATE TABLE retail (\"InvoiceNo\" text, \"StockCode\" text, \"Description\" text, "
          + "\"Quantity\" integer, \"InvoiceDate\" timestamp, \"UnitPrice\" numeric, \"CustomerID\" double precision, "
          + "\"Country\" text)");
      try (Reader in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(OnlineRetailFixture.FILE)),
          StandardCharsets.UTF_8)) {
        long n = c.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("COPY retail FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')", in);
        assertThat(n).isEqualTo(541_909);
      }
      st.execute("ANALYZE retail");
      st.execute("CREATE TABLE bad_types (\"InvoiceNo\" text, \"StockCode\" text, \"Description\" text, "
          + "\"Quantity\" timestamp, \"InvoiceDate\" timestamp, \"UnitPrice\" numeric, \"CustomerID\" text, "
          + "\"Country\" text)");
      st.execute("INSERT INTO bad_types VALUES ('1', 'A', 'x', now(), now(), 1.5, '7', 'France')");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (pool != null) pool.shutdown();
    if (pg != null) pg.close();
  }

  private static DatabaseSource table(String name) {
    return DatabaseSource.table(pg.url(), PostgresServer.USER, PostgresServer.PASSWORD, name);
  }

  private static DatabaseSource query(String sql) {
    return DatabaseSource.query(pg.url(), PostgresServer.USER, PostgresServer.PASSWORD, sql);
  }

  private static Dataset read(DatabaseSource src) {
    return Datasets.read(src, ReadOptions.defaults(), RunControl.on(pool));
  }

  @Test
  void onlineRetailFromPostgresEqualsTheCsvGz() {
    Dataset csv = OnlineRetailFixture.dataset();
    Dataset db = read(table("retail"));
    LoadReport r = db.report();
    assertThat(r.rows()).isEqualTo(541_909);
    assertThat(r.rejected()).isZero();
    assertThat(r.customers()).isEqualTo(4_372);
    assertThat(r.format()).isEqualTo("postgresql");
    assertThat(r.mode()).isEqualTo(Mode.TRANSACTIONS);
    assertThat(r.mapping()).isEqualTo(csv.report().mapping());
    Transactions a = csv.transactions(), b = db.transactions();
    assertThat(b.customer().missing()).isEqualTo(135_080);
    assertThat(b.description().missing()).isEqualTo(a.description().missing());
    assertThat(b.invoice().distinct()).isEqualTo(25_900);
    assertThat(b.stockCode().distinct()).isEqualTo(4_070);
    assertThat(b.customer().get(0)).isEqualTo("17850");
    assertThat(b.dateAt(0)).hasToString("2010-12-01T08:26");
    // a table has no row order (a parallel scan returns the pages as its workers read them): compare the values
    assertThat(sorted(b.quantity())).isEqualTo(sorted(a.quantity()));
    assertThat(sorted(b.unitPrice())).isEqualTo(sorted(a.unitPrice()));
    assertThat(sorted(b.invoiceDate())).isEqualTo(sorted(a.invoiceDate()));
    CleanedData fromCsv = Cleaner.clean(a, CleaningOptions.defaults());
    CleanedData fromDb = Cleaner.clean(b, CleaningOptions.defaults());
    assertThat(fromDb.report()).isEqualTo(fromCsv.report());
    assertThat(fromDb.report().customers()).isEqualTo(fromCsv.report().customers());
    assertThat(db.database().password()).isNull();
    assertThat(db.source()).isNull();
  }

  private static double[] sorted(double[] v) {
    double[] c = v.clone();
    java.util.Arrays.sort(c);
    return c;
  }

  private static long[] sorted(long[] v) {
    long[] c = v.clone();
    java.util.Arrays.sort(c);
    return c;
  }

  @Test
  void aQueryWithWhereReadsOnlyItsRows() {
    Transactions csv = OnlineRetailFixture.transactions();
    int france = 0;
    for (int i = 0; i < csv.size(); i++) if ("France".equals(csv.country().get(i))) france++;
    Dataset d = read(query("SELECT * FROM retail WHERE \"Country\" = 'France' AND \"Quantity\" > 0"));
    int positive = 0;
    for (int i = 0; i < csv.size(); i++) {
      if ("France".equals(csv.country().get(i)) && csv.quantity()[i] > 0) positive++;
    }
    assertThat(france).isEqualTo(8_557);
    assertThat(d.rows()).isEqualTo(positive);
    assertThat(d.transactions().country().distinct()).isEqualTo(1);
    assertThat(d.report().file()).isEqualTo("query");
  }

  @Test
  void previewAndTablePickerShowColumnsAndEstimates() {
    FilePreview p = Datasets.preview(table("retail"), 5);
    assertThat(p.headers()).containsExactly("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
        "UnitPrice", "CustomerID", "Country");
    assertThat(p.rows()).hasSize(5);
    assertThat(p.rows().get(0)).containsExactly("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "6",
        "2010-12-01 08:26:00", "2.55", "17850", "United Kingdom");
    assertThat(p.detected().isTransactions()).isTrue();
    List<DatabaseReader.TableInfo> tables = DatabaseReader.tables(table("retail"));
    assertThat(tables).extracting(DatabaseReader.TableInfo::qualifiedName).contains("retail", "bad_types");
    DatabaseReader.TableInfo retail = tables.stream().filter(t -> t.name().equals("retail")).findFirst().orElseThrow();
    assertThat(retail.estimatedRows()).isBetween(500_000L, 600_000L); // the planner's statistics, not a count
    assertThat(DatabaseReader.testConnection(table("retail"))).startsWith("PostgreSQL 1");
  }

  @Test
  void unreachableHostIsOneMessage() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    DatabaseSource src = DatabaseSource.table("jdbc:postgresql://127.0.0.1:" + closed + "/shop", "x", "pw", "retail");
    assertThatThrownBy(() -> read(src)).isInstanceOf(DataException.class)
        .hasMessageStartingWith("Could not connect to the database at jdbc:postgresql://127.0.0.1:" + closed + "/shop")
        .hasMessageContaining("Check the host, the port");
  }

  @Test
  void wrongPasswordIsOneMessageWithoutThePassword() {
    DatabaseSource src = DatabaseSource.table(pg.url(), PostgresServer.USER, "not-the-password", "retail");
    assertThatThrownBy(() -> read(src)).isInstanceOf(DataException.class)
        .hasMessage("The database at " + pg.url() + " refused the login of user 'segmentlab'. Check the user name "
            + "and the password.")
        .message().doesNotContain("not-the-password");
  }

  @Test
  void missingTableIsOneMessage() {
    assertThatThrownBy(() -> read(table("no_such_table"))).isInstanceOf(DataException.class)
        .hasMessageStartingWith("The table 'no_such_table' does not exist in the database at " + pg.url());
    assertThatThrownBy(() -> read(query("SELECT * FROM orders_2031"))).isInstanceOf(DataException.class)
        .hasMessageStartingWith("A table named in the query does not exist");
  }

  @Test
  void failingQueryIsOneMessage() {
    assertThatThrownBy(() -> read(query("SELECT \"Quantity\" / 0 AS q, * FROM retail")))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("The query failed: ERROR: division by zero")
        .hasMessageEndingWith("(SQL state 22012). Nothing was loaded.");
  }

  @Test
  void theConnectionIsReadOnly() throws Exception {
    assertThatThrownBy(() -> read(query("DELETE FROM retail RETURNING *"))).isInstanceOf(DataException.class)
        .hasMessageContaining("read-only transaction");
    try (Connection c = DriverManager.getConnection(pg.url(), PostgresServer.USER, PostgresServer.PASSWORD);
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM retail")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(541_909);
    }
  }

  @Test
  void aColumnOfTheWrongTypeIsOneMessage() {
    assertThatThrownBy(() -> read(table("bad_types"))).isInstanceOf(DataException.class)
        .hasMessage("The column 'Quantity' of bad_types holds dates (type timestamp), but it is mapped to quantity, "
            + "which needs numbers. Map another column, or convert it in the query (for example CAST(... AS numeric)).");
  }

  @Test
  void aWorkspaceThatNamesTheDatabaseHoldsNoPassword() throws Exception {
    DatabaseSource src = query("SELECT * FROM retail WHERE \"Country\" = 'Germany'");
    PipelineOptions d = PipelineOptions.defaults();
    PipelineOptions o = new PipelineOptions(d.read(), d.cleaning(), d.features(), d.transform(), d.scaling(), 2, 4, 3,
        d.restarts(), d.seed(), 0);
    PipelineResult r = Pipeline.run(src, o, RunControl.on(pool));
    Workspace ws = WorkspaceRunner.capture(r.segmentation(), r.dataset(), r.cleaned(), null, Instant.now());
    String json = new String(WorkspaceFile.toJson(ws), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain(PostgresServer.PASSWORD).doesNotContainIgnoringCase("password")
        .contains(pg.url()).contains("Germany");
    Workspace back = WorkspaceFile.fromJson(json.getBytes(StandardCharsets.UTF_8), "test");
    assertThat(back.inputDatabase()).isEqualTo(new Workspace.Database(pg.url(), PostgresServer.USER, null, null,
        "SELECT * FROM retail WHERE \"Country\" = 'Germany'"));
    assertThat(back.inputPath()).isEqualTo(pg.url());
    // reopening asks for the password: without it the login is refused, with it the same segments come back
    assertThatThrownBy(() -> WorkspaceRunner.run(back, 0, RunControl.on(pool)))
        .isInstanceOf(DataException.class).hasMessage("The database at " + pg.url() + " needs a password for user "
            + "'segmentlab'. Enter it (the app asks; the CLI reads --password-file or PGPASSWORD).");
    WorkspaceRunner.Outcome again = WorkspaceRunner.run(back, PostgresServer.PASSWORD, 0, RunControl.on(pool));
    assertThat(again.reproduced()).isTrue();
    assertThat(again.result().segmentation().labels()).containsExactly(r.segmentation().labels());
  }
}

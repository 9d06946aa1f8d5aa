package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite, with the bundled driver, from a database file made here: transactions, a customer table, errors. */
class SqliteReadTest {
  @TempDir Path dir;

  private Path makeShop() throws Exception {
    Path db = dir.resolve("shop.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE orders (invoice_no TEXT, sku TEXT, description TEXT, qty INTEGER, "
          + "order_date TEXT, price REAL, customer_id INTEGER, country TEXT)");
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?)")) {
        Object[][] rows = {
            {"536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, "2010-12-01 08:26:00", 2.55, 17850, "United Kingdom"},
            {"536365", "71053", "WHITE METAL LANTERN", 6, "2010-12-01 08:26:00", 3.39, 17850, "United Kingdom"},
            {"536366", "22633", "HAND WARMER UNION JACK", 6, "2010-12-01 08:28:00", 1.85, 17850, "United Kingdom"},
            {"C536379", "D", "Discount", -1, "2010-12-01 09:41:00", 27.5, 14527, "United Kingdom"},
            {"536370", "22728", "ALARM CLOCK BAKELIKE PINK", 24, "2010-12-01 08:45:00", 3.75, 12583, "France"},
            {"536414", "22139", null, 56, "2010-12-01 11:52:00", 0.0, null, "United Kingdom"},
            {"536999", "22139", "BAD DATE", 1, "not a date", 1.0, 12583, "France"},
        };
        for (Object[] r : rows) {
          for (int i = 0; i < r.length; i++) ins.setObject(i + 1, r[i]);
          ins.addBatch();
        }
        ins.executeBatch();
      }
      MallTable.create(c);
    }
    return db;
  }

  private static Dataset read(DatabaseSource src) {
    return Datasets.read(src, ReadOptions.defaults(), RunControl.none());
  }

  @Test
  void transactionsFromSqliteGoThroughTheSameRowRules() throws Exception {
    Path db = makeShop();
    Dataset d = read(DatabaseSource.table("jdbc:sqlite:" + db, null, null, "orders"));
    LoadReport r = d.report();
    assertThat(r.format()).isEqualTo("sqlite");
    assertThat(r.mapping()).containsEntry("invoice", "invoice_no").containsEntry("stock_code", "sku")
        .containsEntry("quantity", "qty").containsEntry("invoice_date", "order_date")
        .containsEntry("unit_price", "price").containsEntry("customer_id", "customer_id");
    assertThat(r.rows()).isEqualTo(6);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.rejectReasons()).containsEntry("unreadable date", 1);
    assertThat(r.examples().get(0).line()).isEqualTo(7);
    assertThat(r.customers()).isEqualTo(3);
    Transactions tx = d.transactions();
    assertThat(tx.customer().get(0)).isEqualTo("17850");
    assertThat(tx.customer().missing()).isEqualTo(1);
    assertThat(tx.description().missing()).isEqualTo(1);
    assertThat(tx.unitPrice()).containsExactly(2.55, 3.39, 1.85, 27.5, 3.75, 0.0);
    assertThat(tx.quantity()).containsExactly(6, 6, 6, -1, 24, 56);
    assertThat(tx.dateAt(4)).hasToString("2010-12-01T08:45");
    // the file was opened read-only: nothing was written beside it (no journal) and it is unchanged
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("shop.db");
  }

  @Test
  void aQueryAndACustomerTable() throws Exception {
    Path db = makeShop();
    Dataset fr = read(DatabaseSource.query("jdbc:sqlite:" + db, null, null,
        "SELECT * FROM orders WHERE country = 'France' AND order_date LIKE '2010%'"));
    assertThat(fr.rows()).isEqualTo(1);
    Dataset mall = read(DatabaseSource.table("jdbc:sqlite:" + db, null, null, "mall"));
    Dataset csv = Datasets.read(Path.of("src/test/resources/data/mall-customers.csv"), ReadOptions.defaults(),
        RunControl.none());
    assertThat(mall.mode()).isEqualTo(Mode.CUSTOMERS);
    assertThat(mall.rows()).isEqualTo(200);
    assertThat(mall.idColumn()).isEqualTo("CustomerID");
    assertThat(mall.report().columns()).isEqualTo(csv.report().columns());
    assertThat(mall.customerTable().numberColumn("Annual Income (k$)").asDoubleArray())
        .containsExactly(csv.customerTable().numberColumn("Annual Income (k$)").asDoubleArray());
  }

  @Test
  void aMissingFileOrTableIsOneMessage() throws Exception {
    Path db = makeShop();
    assertThatThrownBy(() -> read(DatabaseSource.table("jdbc:sqlite:" + dir.resolve("nope.db"), null, null, "orders")))
        .isInstanceOf(DataException.class)
        .hasMessage("The SQLite database " + dir.resolve("nope.db") + " does not exist. Check the path in the URL.");
    assertThat(Files.exists(dir.resolve("nope.db"))).isFalse();
    assertThatThrownBy(() -> read(DatabaseSource.table("jdbc:sqlite:" + db, null, null, "customers")))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("The table 'customers' does not exist in the database at jdbc:sqlite:" + db);
    assertThatThrownBy(() -> read(DatabaseSource.query("jdbc:sqlite:" + db, null, null, "SELEC * FROM orders")))
        .isInstanceOf(DataException.class).hasMessageStartingWith("The query failed: ");
    assertThatThrownBy(() -> read(DatabaseSource.query("jdbc:oracle:thin:@db:1521/x", "u", "pw", "SELECT 1 FROM dual")))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("No JDBC driver accepts jdbc:oracle:thin:@db:1521/x.");
  }

  @Test
  void passwordsNeverShowInUrlsOrToString() {
    DatabaseSource s = DatabaseSource.query("jdbc:postgresql://h/db?user=a&password=hunter2&ssl=true", "a", "pw1",
        "SELECT 1");
    assertThat(s.safeUrl()).isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
    assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("pw1");
    assertThat(s.withoutPassword().password()).isNull();
    assertThat(DatabaseSource.safe("jdbc:mysql://bob:secret@h:3306/db")).isEqualTo("jdbc:mysql://bob:***@h:3306/db");
  }
}

package dev.segmentlab.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.AppContext;
import dev.segmentlab.app.DatasetLoader;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.DatabaseReader;
import dev.segmentlab.core.data.DatabaseSource;
import dev.segmentlab.core.data.Mode;
import dev.segmentlab.core.data.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Open from database…" flow without a window, on a SQLite file made here. */
class DatabaseViewModelTest {
  static final Path MALL = Path.of("src/test/resources/data/mall-customers.csv");
  @TempDir Path dir;
  private final TestDialogs dialogs = new TestDialogs();
  private final AppContext ctx = new AppContext(new SameThreadAsync(), dialogs, DatasetLoader.standard(), null, MALL);
  private final DataViewModel data = ctx.data();
  private final DatabaseViewModel db = data.database();

  private String shop() throws Exception {
    Path file = dir.resolve("shop.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE customers (CustomerID INTEGER, Gender TEXT, Age INTEGER, \"Annual Income (k$)\" INTEGER,"
          + " \"Spending Score (1-100)\" INTEGER)");
      List<String> lines = Files.readAllLines(MALL);
      StringBuilder sql = new StringBuilder("INSERT INTO customers VALUES ");
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",");
        sql.append(i > 1 ? "," : "").append('(').append(f[0]).append(",'").append(f[1]).append("',").append(f[2])
            .append(',').append(f[3]).append(',').append(f[4]).append(')');
      }
      st.execute(sql.toString());
    }
    return "jdbc:sqlite:" + file;
  }

  @Test
  void testListPreviewAndLoadATable() throws Exception {
    db.urlProperty().set(shop());
    db.testConnection();
    assertThat(db.statusProperty().get()).startsWith("Connected: SQLite 3.");
    assertThat(db.failedProperty().get()).isFalse();
    db.listTables();
    assertThat(db.getTables()).extracting(DatabaseReader.TableInfo::name).containsExactly("customers");
    assertThat(db.getTables().get(0).estimatedRows()).isEqualTo(200);
    assertThat(DatabaseViewModel.label(db.getTables().get(0))).isEqualTo("customers  (~200 rows)");
    assertThat(db.selectedTableProperty().get().name()).isEqualTo("customers");
    db.showPreview();
    assertThat(db.previewProperty().get().rows()).hasSize(50);
    assertThat(db.previewProperty().get().rows().get(0)).containsExactly("1", "Male", "19", "15", "39");
    assertThat(db.statusProperty().get()).isEqualTo("First 50 rows of table customers; columns detected: a customer table.");
    data.load(db.source().orElseThrow());
    Dataset d = ctx.session().getDataset();
    assertThat(d.mode()).isEqualTo(Mode.CUSTOMERS);
    assertThat(d.rows()).isEqualTo(200);
    assertThat(d.database().table()).isEqualTo("customers");
    assertThat(d.database().password()).isNull();
    assertThat(data.summaryProperty().get()).isEqualTo("customers · 200 rows · 200 customers · customers");
    // Map columns works on the database too
    assertThat(data.canRemap()).isTrue();
    assertThat(data.preview().orElseThrow().headers()).contains("Annual Income (k$)");
    Map<Role, String> m = new EnumMap<>(Role.class);
    m.put(Role.CUSTOMER_ID, "CustomerID");
    data.remap(m);
    assertThat(ctx.session().getDataset()).isNotSameAs(d);
    assertThat(ctx.session().getDataset().rows()).isEqualTo(200);
  }

  @Test
  void aFailingDatabaseKeepsThePreviousDatasetAndSaysWhyOnce() throws Exception {
    data.load(MALL);
    Dataset before = ctx.session().getDataset();
    String url = shop();
    data.load(DatabaseSource.table(url, null, null, "orders"));
    assertThat(ctx.session().getDataset()).isSameAs(before);
    assertThat(dialogs.errors).hasSize(1);
    assertThat(dialogs.errors.get(0)).startsWith("The table 'orders' does not exist in the database at " + url);
    data.load(DatabaseSource.query(url, null, null, "SELECT CustomerID FROM customers WHERE"));
    assertThat(ctx.session().getDataset()).isSameAs(before);
    assertThat(dialogs.errors).hasSize(2);
    assertThat(dialogs.errors.get(1)).startsWith("The query failed: ");
  }

  @Test
  void missingFieldsAreSaidBeforeAnyCall() {
    db.urlProperty().set("postgresql://localhost/shop");
    db.testConnection();
    assertThat(db.failedProperty().get()).isTrue();
    assertThat(db.statusProperty().get()).startsWith("The database URL must start with jdbc:");
    db.urlProperty().set("jdbc:sqlite:" + dir.resolve("x.db"));
    assertThat(db.source()).isEmpty();
    assertThat(db.statusProperty().get()).isEqualTo("Choose a table (List tables) or write a query.");
    db.useQueryProperty().set(true);
    db.queryProperty().set("SELECT 1");
    db.passwordProperty().set("pw");
    assertThat(db.source().orElseThrow().password()).isEqualTo("pw");
    assertThat(db.source().orElseThrow().toString()).doesNotContain("pw,").contains("password=***");
  }
}

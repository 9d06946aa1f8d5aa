package dev.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import dev.segmentlab.core.data.MallTable;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** segment --jdbc with Ward and a Gaussian mixture: Mall Customers from SQLite give the file's segments. */
class MethodsJdbcCliTest {
  private static final String MALL = "src/test/resources/data/mall-customers.csv";
  @TempDir Path dir;

  private JsonNode run(String... args) throws Exception {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = SegmentLabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(code).as(err.toString()).isZero();
    return new ObjectMapper().readTree(out.toString());
  }

  private Path mallDatabase() throws Exception {
    Path db = dir.resolve("shop.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      MallTable.create(c);
    }
    return db;
  }

  @Test
  void wardAndMixtureReadFromADatabaseAsFromTheFile() throws Exception {
    String url = "jdbc:sqlite:" + mallDatabase();
    for (String method : new String[] {"ward", "gmm"}) {
      JsonNode file = run("segment", MALL, "--method", method, "--k", "5", "--k-max", "6", "--stability", "0", "--json");
      JsonNode db = run("segment", "--jdbc", url, "--table", "mall", "--method", method, "--k", "5", "--k-max", "6",
          "--stability", "0", "--json");
      assertThat(db.get("method").asText()).isEqualTo(method);
      assertThat(db.get("customers").asInt()).isEqualTo(200);
      assertThat(db.get("k").asInt()).isEqualTo(5);
      for (int q = 0; q < file.get("sweep").size(); q++) {
        assertThat(db.get("sweep").get(q).get("wcss").asDouble()).as(method + " WCSS")
            .isEqualTo(file.get("sweep").get(q).get("wcss").asDouble());
      }
      for (int s = 0; s < 5; s++) {
        assertThat(db.get("segments").get(s).get("size").asInt()).isEqualTo(file.get("segments").get(s).get("size").asInt());
      }
    }
    assertThat(run("segment", "--jdbc", url, "--table", "mall", "--method", "gmm", "--k", "3", "--k-max", "4",
        "--stability", "0", "--json").get("sweep").get(0).has("bic")).isTrue();
  }
}

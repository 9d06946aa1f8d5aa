package dev.segmentlab.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Mall Customers (the test copy) as a table {@code mall} in a database, with the CSV's column names. */
public final class MallTable {
  private MallTable() {}

  public static final Path CSV = Path.of("src/test/resources/data/mall-customers.csv");

  /** Creates {@code mall} in the database and inserts the 200 customers. */
  public static void create(Connection c) throws SQLException, IOException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE mall (CustomerID INTEGER, Gender TEXT, Age INTEGER, \"Annual Income (k$)\" INTEGER, "
          + "\"Spending Score (1-100)\" INTEGER)");
    }
    List<String> lines = Files.readAllLines(CSV);
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO mall VALUES (?,?,?,?,?)")) {
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        ins.setInt(1, Integer.parseInt(f[0]));
        ins.setString(2, f[1]);
        for (int i = 2; i < 5; i++) ins.setInt(i + 1, Integer.parseInt(f[i]));
        ins.addBatch();
      }
      ins.executeBatch();
    }
  }
}

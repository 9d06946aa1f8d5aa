package dev.segmentlab.cli;

import dev.segmentlab.core.data.DatabaseSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --jdbc URL --query SQL | --table NAME [--user U] [--password-file F] [--driver-jar JAR]}: read the input
 * from a database instead of a file. The password comes from the file's first line, else from {@code PGPASSWORD};
 * never from the command line, where other users of the machine could read it.
 */
final class DatabaseOptions {
  @Option(names = "--jdbc", paramLabel = "URL", description = "Read from a database instead of FILE, e.g. "
      + "jdbc:postgresql://localhost:5432/shop or jdbc:sqlite:shop.db (PostgreSQL and SQLite drivers included).")
  String url;

  @Option(names = "--query", paramLabel = "SQL", description = "With --jdbc: the SQL query whose rows are read.")
  String query;

  @Option(names = "--table", paramLabel = "NAME", description = "With --jdbc: the table (or view) to read.")
  String table;

  @Option(names = "--user", paramLabel = "U", description = "With --jdbc: the database user.")
  String user;

  @Option(names = "--password-file", paramLabel = "F", description = "With --jdbc: a file whose first line is the "
      + "password (default: the PGPASSWORD environment variable).")
  Path passwordFile;

  @Option(names = "--driver-jar", paramLabel = "JAR", description = "With --jdbc: a JDBC driver jar for another database.")
  Path driverJar;

  /** Whether a database was named. */
  boolean given() { return url != null; }

  /**
   * The database input.
   *
   * @throws IllegalArgumentException when the options do not fit together or the password file cannot be read
   */
  DatabaseSource source() {
    if (url == null) throw new IllegalArgumentException("--query, --table and --user need --jdbc URL.");
    if ((query == null) == (table == null)) {
      throw new IllegalArgumentException("With --jdbc give either --query SQL or --table NAME.");
    }
    return new DatabaseSource(url, user, password(), driverJar, table, query);
  }

  /** Options given without --jdbc are a mistake worth saying. */
  void checkUnused() {
    if (url == null && (query != null || table != null || user != null || driverJar != null)) {
      throw new IllegalArgumentException("--query, --table, --user and --driver-jar need --jdbc URL.");
    }
  }

  /** The password: the file's first line, else PGPASSWORD, else null. */
  String password() {
    if (passwordFile != null) {
      try {
        String s = Files.readString(passwordFile, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replace("\r", "");
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read the password file " + passwordFile + ": " + e.getMessage());
      }
    }
    return System.getenv("PGPASSWORD");
  }
}

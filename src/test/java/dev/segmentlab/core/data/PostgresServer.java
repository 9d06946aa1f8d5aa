package dev.segmentlab.core.data;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL cluster for tests: {@code initdb} into a temporary folder, {@code pg_ctl start} on a free
 * port of 127.0.0.1 with password (SCRAM) logins, {@code pg_ctl stop} and the folder deleted at the end. Uses
 * Debian's server binaries ({@code /usr/lib/postgresql/<version>/bin}, package {@code postgresql}). PostgreSQL
 * refuses to run as root, so as root the cluster belongs to the {@code postgres} user and the commands run through
 * {@code runuser -u postgres --}.
 *
 * <p>Without server binaries the tests are skipped with a message, except when the environment variable {@code CI}
 * is {@code true}: there they fail, so that CI never passes without having run them.
 */
final class PostgresServer implements AutoCloseable {
  static final String USER = "segmentlab";
  static final String PASSWORD = "s3cret-Pw!";
  static final String DATABASE = "shop";

  private final Path bin;
  private final Path dir;
  private final Path data;
  private final boolean asPostgres;
  final int port;

  private PostgresServer(Path bin, Path dir, boolean asPostgres, int port) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.asPostgres = asPostgres;
    this.port = port;
  }

  /** The server binaries of the newest installed version, or null. */
  static Path findBinaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) return null;
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static int version(String s) {
    try {
      return Integer.parseInt(s.replaceAll("[^0-9].*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Starts a cluster with a user and a database, or skips (fails in CI) when PostgreSQL is not installed. */
  static PostgresServer start() throws Exception {
    Path bin = findBinaries();
    if (bin == null) {
      String why = "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (install Debian's postgresql)";
      if ("true".equals(System.getenv("CI"))) Assertions.fail("CI must run the database tests: " + why);
      Assumptions.abort("Database tests skipped: " + why);
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("segmentlab-pg");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PostgresServer pg = new PostgresServer(bin, dir, root, port);
    try {
      pg.init();
      return pg;
    } catch (Exception | AssertionError e) {
      pg.close();
      throw e;
    }
  }

  private void init() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Path pw = dir.resolve("pw");
    Files.writeString(pw, PASSWORD + "\n", StandardCharsets.UTF_8);
    if (asPostgres) {
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
      Files.setOwner(pw, users.lookupPrincipalByName("postgres"));
    }
    run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + pw,
        "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C");
    run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "60",
        "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
            + " -c synchronous_commit=off -c full_page_writes=off", "start");
    try (var c = java.sql.DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        var st = c.createStatement()) {
      st.execute("CREATE DATABASE " + DATABASE);
    }
  }

  String url() { return url(DATABASE); }

  String url(String db) { return "jdbc:postgresql://127.0.0.1:" + port + "/" + db; }

  private void run(String... cmd) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(List.of(cmd));
    Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", cmd));
    }
    if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + out);
  }

  @Override public void close() throws Exception {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
      }
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}

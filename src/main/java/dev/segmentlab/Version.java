package dev.segmentlab;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application version, from the build. */
public final class Version {
  private Version() {}

  private static final String VALUE = load();

  public static String get() { return VALUE; }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) return "dev";
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.startsWith("$") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}

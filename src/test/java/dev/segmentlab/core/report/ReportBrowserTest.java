package dev.segmentlab.core.report;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in a real headless browser (Debian's {@code chromium}) and checks that its inline script
 * ran without errors. Skipped, with a message, only where Chromium is missing and {@code CI} is not {@code true};
 * in CI a missing browser fails the test ({@code .ci/run} installs it).
 */
class ReportBrowserTest {
  @TempDir Path dir;

  @Test
  void reportRendersInChromiumWithoutScriptErrors() throws Exception {
    String chromium = findChromium();
    if (chromium == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("chromium is not installed but CI=true: .ci/run must install it (apt-get install -y chromium)");
      Assumptions.abort("chromium not found on PATH: install Debian's chromium to run the browser test (skipped outside CI)");
    }
    Path html = dir.resolve("report.html");
    ReportWriter.write(ReportFixtures.onlineRetail(), html, false, RunControl.none());
    Path profile = Files.createDirectory(dir.resolve("profile"));
    Path stdout = dir.resolve("dom.html");
    Path stderr = dir.resolve("chromium.log");
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000",
        "--dump-dom", html.toUri().toString()));
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 120 s");
    }
    String dom = Files.readString(stdout, StandardCharsets.UTF_8);
    String log = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(dom).as("chromium log:\n" + log).contains(HtmlReport.READY_ATTRIBUTE + "=\"1\"");
    assertThat(dom).contains("<svg", "Choosing the number of segments");
    assertThat(log).doesNotContain("Uncaught", "SyntaxError", "ReferenceError", "TypeError");
  }

  private static String findChromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path c = Path.of(d, name);
        if (Files.isExecutable(c)) return c.toString();
      }
    }
    return null;
  }
}

package dev.segmentlab.core.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The CDNOW summary fixture (weeks), see {@code src/test/resources/value/SOURCES.md}. */
final class Cdnow {
  private Cdnow() {}

  static PurchaseSummary load() {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Cdnow.class.getResourceAsStream("/value/cdnow_customers_summary.csv"), StandardCharsets.UTF_8))) {
      String header = r.readLine().strip();
      if (!header.equals("ID,x,t_x,T,zbar")) throw new IllegalStateException("unexpected header " + header);
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) rows.add(line.strip().split(","));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = rows.size();
    String[] ids = new String[n];
    double[] x = new double[n], tx = new double[n], t = new double[n], m = new double[n];
    for (int i = 0; i < n; i++) {
      String[] f = rows.get(i);
      ids[i] = f[0];
      x[i] = Double.parseDouble(f[1]);
      tx[i] = Double.parseDouble(f[2]);
      t[i] = Double.parseDouble(f[3]);
      m[i] = Double.parseDouble(f[4]);
    }
    return new PurchaseSummary(ids, x, tx, t, m, null);
  }
}

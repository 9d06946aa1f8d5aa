package dev.segmentlab.core.data;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The bundled Online Retail sample, read once per test JVM. */
public final class OnlineRetailFixture {
  public static final Path FILE = Path.of("assets/data/online-retail.csv.gz");
  private static Dataset dataset;

  private OnlineRetailFixture() {}

  public static synchronized Dataset dataset() {
    if (dataset == null) {
      ExecutorService ex = Executors.newFixedThreadPool(2);
      try {
        dataset = DatasetReader.read(FILE, DatasetReader.Options.defaults(), ex, p -> { }, () -> false);
      } finally {
        ex.shutdown();
      }
    }
    return dataset;
  }

  public static Transactions transactions() { return dataset().transactions(); }
}

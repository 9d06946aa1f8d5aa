package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
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
        dataset = Datasets.read(FILE, ReadOptions.defaults(), RunControl.on(ex));
      } finally {
        ex.shutdown();
      }
    }
    return dataset;
  }

  public static Transactions transactions() { return dataset().transactions(); }
}

package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.export.ParquetExporter;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Benchmark helper (not a test): converts a transactions file to Parquet with the app's own writer, for the README's
 * "Parquet and databases" measurement. {@code java -cp target/classes:target/test-classes:target/lib/*
 * dev.segmentlab.core.data.ToParquet IN.csv.gz OUT.parquet}
 */
public final class ToParquet {
  private ToParquet() {}

  public static void main(String[] args) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Dataset d = Datasets.read(Path.of(args[0]), ReadOptions.defaults(), RunControl.on(pool));
      ParquetExporter.write(Path.of(args[1]), ParquetRoundTripTest.asTable(d.transactions()), true, RunControl.none());
      System.out.println(d.rows() + " rows -> " + args[1]);
    } finally {
      pool.shutdown();
    }
  }
}

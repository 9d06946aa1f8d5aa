package dev.segmentlab.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The SparkSession of a run: the master spark-submit set, else the given one, else local[*]. */
public final class Sessions {
  private Sessions() {}

  /** @param master used when the configuration has no {@code spark.master} (null = local[*]) */
  public static SparkSession create(String master) {
    SparkConf conf = new SparkConf();
    if (!conf.contains("spark.master")) conf.setMaster(master == null ? "local[*]" : master);
    else if (master != null) conf.setMaster(master);
    conf.setIfMissing("spark.app.name", "segmentlab");
    // dates are wall-clock times as the core reads them: no shift by the machine's zone
    conf.set("spark.sql.session.timeZone", "UTC");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.sql.shuffle.partitions", "8");
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }
}

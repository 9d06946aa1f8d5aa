package dev.segmentlab.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Spark's INFO and WARN lines would bury the summary; only errors stay unless --verbose. */
final class Logs {
  private Logs() {}

  static void quiet() {
    Configurator.setRootLevel(Level.ERROR);
    Configurator.setLevel("org.apache.spark", Level.ERROR);
    Configurator.setLevel("org.apache.hadoop", Level.ERROR);
    Configurator.setLevel("org.sparkproject", Level.ERROR);
  }
}

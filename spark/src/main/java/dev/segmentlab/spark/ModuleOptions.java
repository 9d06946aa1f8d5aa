package dev.segmentlab.spark;

import org.apache.spark.launcher.JavaModuleOptions;

/** Prints the Java options Spark needs on Java 17+ ({@code JavaModuleOptions.defaultModuleOptions()}), for scripts. */
public final class ModuleOptions {
  private ModuleOptions() {}

  public static void main(String[] args) {
    System.out.println(JavaModuleOptions.defaultModuleOptions());
  }
}

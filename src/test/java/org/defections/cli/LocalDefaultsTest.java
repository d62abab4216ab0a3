package org.defections.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The SQL settings an embedded local Spark gets when the user has set none. */
class LocalDefaultsTest {
  @Test
  void oneShufflePartitionPerCoreAndNoAdaptiveExecution() {
    assertEquals(Map.of("spark.sql.shuffle.partitions", "2", "spark.sql.adaptive.enabled", "false"),
        Main.localDefaults(new SparkConf(false), 2));
  }

  @Test
  void whatTheUserSetIsKept() {
    SparkConf conf = new SparkConf(false).set("spark.sql.shuffle.partitions", "64");
    assertEquals(Map.of("spark.sql.adaptive.enabled", "false"), Main.localDefaults(conf, 8));
    conf.set("spark.sql.adaptive.enabled", "true");
    assertEquals(Map.of(), Main.localDefaults(conf, 8));
  }
}

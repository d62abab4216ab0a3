package org.defections.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.defections.SparkTestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Publishing killed at each of its steps (a test hook throws where a kill would stop the process; nothing after it
 * runs, as after a kill): a reader that checks the output ({@link TableWriter#checkComplete}) either gets the previous
 * complete output or is told a publish is under way; the next run completes the publish, and the output is then
 * exactly the new run's. Never the tables of two runs under one manifest.
 */
class PublishTest {
  private final SparkSession spark = SparkTestSession.get();

  /** Stands for a kill. */
  private static final class Killed extends RuntimeException {
    Killed(String step) {
      super("killed before " + step);
    }
  }

  @AfterEach
  void resetHook() {
    TableWriter.beforeStep = s -> { };
  }

  /** Stages the tables of a run (files named after the run) and its manifest text. */
  private static TableWriter staged(SparkSession spark, Path out, String run) throws Exception {
    TableWriter w = new TableWriter(spark, out.toString(), run);
    w.checkOutput("/nowhere");
    for (String table : new String[] {"aggregates", "defections", "mentions", "rejects"}) {
      Path t = Files.createDirectories(Path.of(w.staged(table)));
      Files.writeString(t.resolve("part-" + run + ".parquet"), run + " " + table);
    }
    return w;
  }

  /** The published output as table -> its file's content, with the manifest's run; only when it is complete. */
  private TreeMap<String, String> read(Path out) throws Exception {
    FileSystem fs = FileSystem.getLocal(spark.sparkContext().hadoopConfiguration());
    TableWriter.checkComplete(fs, new org.apache.hadoop.fs.Path(out.toString()));
    TreeMap<String, String> tables = new TreeMap<>();
    try (var s = Files.list(out)) {
      for (Path t : s.filter(p -> !p.getFileName().toString().startsWith("_")
          && !p.getFileName().toString().startsWith(".")).toList()) {
        List<String> parts = new ArrayList<>();
        try (var files = Files.list(t)) {
          for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
            parts.add(Files.readString(f).trim());
          }
        }
        tables.put(t.getFileName().toString(), String.join(",", parts));
      }
    }
    tables.put("_manifest", Files.readString(out.resolve(TableWriter.MANIFEST)));
    return tables;
  }

  private static TreeMap<String, String> expected(String run) {
    TreeMap<String, String> m = new TreeMap<>();
    for (String table : new String[] {"aggregates", "defections", "mentions", "rejects"}) {
      m.put(table, run + " " + table);
    }
    m.put(TableWriter.MANIFEST_TABLE, "{\"run_id\":\"" + run + "\"}");
    m.put("_manifest", "{\"run_id\": \"" + run + "\"}");
    return m;
  }

  private static void publish(TableWriter w, String run) {
    w.publish("{\"run_id\": \"" + run + "\"}", "{\"run_id\":\"" + run + "\"}");
  }

  @Test
  void aPublishKilledAtAnyStepLeavesTheOldOutputOrIsCompletedByTheNextRun() throws Exception {
    List<String> steps = new ArrayList<>();
    Path probe = Files.createTempDirectory("publish").resolve("out");
    publish(staged(spark, probe, "run-a"), "run-a");
    TableWriter.beforeStep = steps::add;
    publish(staged(spark, probe, "run-b"), "run-b");
    TableWriter.beforeStep = s -> { };
    assertEquals(expected("run-b"), read(probe));
    assertTrue(steps.size() >= 10, steps.toString());

    for (String killAt : steps) {
      Path out = Files.createTempDirectory("publish").resolve("out");
      publish(staged(spark, out, "run-a"), "run-a");
      TableWriter.beforeStep = s -> {
        if (s.equals(killAt)) {
          throw new Killed(s);
        }
      };
      TableWriter b = staged(spark, out, "run-b");
      assertThrows(Killed.class, () -> publish(b, "run-b"), killAt);
      TableWriter.beforeStep = s -> { };
      // a reader sees the old output whole, or is told to wait
      boolean journaled = Files.exists(out.resolve(TableWriter.PUBLISHING));
      if (journaled) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(out), killAt);
        assertTrue(e.getMessage().contains("is being published, or its publish was interrupted"), e.getMessage());
      } else {
        assertEquals(expected("run-a"), read(out), killAt);
      }
      // the next run completes a journaled publish before anything else
      TableWriter next = new TableWriter(spark, out.toString(), "run-c");
      next.checkOutput("/nowhere");
      assertEquals(journaled ? expected("run-b") : expected("run-a"), read(out), killAt);
      assertFalse(Files.exists(out.resolve(TableWriter.PREVIOUS)), killAt);
      assertNull(next.completeInterruptedPublish(), killAt);
    }
  }
}

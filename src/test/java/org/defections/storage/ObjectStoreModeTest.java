package org.defections.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.defections.DefectionJob;
import org.defections.SparkTestSession;
import org.defections.config.JobConfig;
import org.defections.nightly.NightlyJob;
import org.defections.write.Hooks;
import org.defections.write.PublishMode;
import org.defections.write.TableWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The object-store mode ({@link PublishMode#POINTER}) on a file system that refuses renames ({@link
 * NoRenameFileSystem}): a run and two nights publish without one rename, their tables equal a local run's, and a run
 * killed at any step of publishing leaves the previous pointer and its tables for readers.
 */
class ObjectStoreModeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SAMPLE = Path.of("samples/corpus").toAbsolutePath();

  @BeforeAll
  static void register() {
    NoRenameFileSystem.register(SparkTestSession.get().sparkContext().hadoopConfiguration());
  }

  private static String noRename(Path p) {
    return NoRenameFileSystem.SCHEME + "://" + p.toAbsolutePath();
  }

  private static ObjectNode run(String output, Map<String, String> more) {
    Map<String, String> c = new java.util.HashMap<>(Map.of("input", SAMPLE.toString(), "output", output,
        "publish.mode", "pointer"));
    c.putAll(more);
    return new DefectionJob(SparkTestSession.get(), JobConfig.load(null, c)).run();
  }

  private static TreeSet<String> rows(String table) {
    TreeSet<String> out = new TreeSet<>();
    SparkTestSession.get().read().parquet(table).drop("run_id").collectAsList().forEach(r -> out.add(r.toString()
        .replaceAll("[a-z]+:[^,\\]]*/", "<dir>/")));
    return out;
  }

  /** The tables folder a reader finds by the output's pointer, after checking the output is complete. */
  private static org.apache.hadoop.fs.Path tables(String output) throws Exception {
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(output);
    FileSystem fs = out.getFileSystem(SparkTestSession.get().sparkContext().hadoopConfiguration());
    TableWriter.checkComplete(fs, out);
    return TableWriter.tablesDir(fs, out);
  }

  @Test
  void aRunPublishesByItsPointerWithoutRenames() throws Exception {
    Path dir = Files.createTempDirectory("pointer");
    run(dir.resolve("local").toString(), Map.of("publish.mode", "rename"));
    int refusedBefore = NoRenameFileSystem.REFUSED.get();
    String out = noRename(dir.resolve("out"));
    ObjectNode first = run(out, Map.of());
    JsonNode pointer = JSON.readTree(dir.resolve("out/_manifest.json").toFile());
    assertEquals("runs/" + first.get("run_id").asText(), pointer.get("tables").asText());
    for (String t : new String[] {"defections", "mentions", "defections_by_country", "rejects"}) {
      assertEquals(rows(dir.resolve("local").resolve(t).toString()), rows(tables(out) + "/" + t), t);
    }
    ObjectNode second = run(out, Map.of());
    assertEquals("runs/" + second.get("run_id").asText(), JSON.readTree(dir.resolve("out/_manifest.json").toFile())
        .get("tables").asText());
    try (var runs = Files.list(dir.resolve("out/runs"))) {
      assertEquals(List.of(second.get("run_id").asText()), runs.map(p -> p.getFileName().toString()).toList(),
          "the earlier run's folder is removed");
    }
    assertEquals(refusedBefore, NoRenameFileSystem.REFUSED.get(), "the job tried no rename");
  }

  @Test
  void aPublishKilledAtAnyStepLeavesThePreviousPointer() throws Exception {
    SparkSession spark = SparkTestSession.get();
    List<String> steps = new ArrayList<>();
    for (String killAt : new String[] {"run manifest", "manifest", "pointer", "clean", null}) {
      Path dir = Files.createTempDirectory("pointer-kill");
      String out = noRename(dir.resolve("out"));
      TableWriter a = new TableWriter(spark, out, "run-a", PublishMode.POINTER, false);
      a.checkOutput("/nowhere");
      stage(a, "run-a");
      a.publish("{\"run_id\": \"run-a\"}", "{\"run_id\":\"run-a\"}");
      TableWriter b = new TableWriter(spark, out, "run-b", PublishMode.POINTER, false);
      b.checkOutput("/nowhere");
      stage(b, "run-b");
      Hooks.set(s -> {
        steps.add(s);
        if (s.equals(killAt)) {
          throw new IllegalStateException("killed before " + s);
        }
      });
      try {
        if (killAt == null) {
          b.publish("{\"run_id\": \"run-b\"}", "{\"run_id\":\"run-b\"}");
        } else {
          assertThrows(IllegalStateException.class, () -> b.publish("{\"run_id\": \"run-b\"}",
              "{\"run_id\":\"run-b\"}"), killAt);
        }
      } finally {
        Hooks.set(s -> { });
      }
      boolean published = killAt == null || killAt.equals("clean");
      String expected = published ? "run-b" : "run-a";
      org.apache.hadoop.fs.Path t = tables(out);
      assertEquals("runs/" + expected, t.getParent().getName() + "/" + t.getName(), String.valueOf(killAt));
      assertEquals(expected + " defections", Files.readString(Path.of(t.toUri().getPath(), "defections", "part.txt")));
      // the next run into the output removes the unpublished folder
      TableWriter c = new TableWriter(spark, out, "run-c", PublishMode.POINTER, false);
      c.checkOutput("/nowhere");
      stage(c, "run-c");
      c.publish("{\"run_id\": \"run-c\"}", "{\"run_id\":\"run-c\"}");
      try (var runs = Files.list(dir.resolve("out/runs"))) {
        assertEquals(List.of("run-c"), runs.map(p -> p.getFileName().toString()).toList(), String.valueOf(killAt));
      }
    }
    assertTrue(steps.containsAll(List.of("run manifest", "manifest", "pointer", "clean")), steps.toString());
  }

  private static void stage(TableWriter w, String run) throws Exception {
    Path t = Files.createDirectories(Path.of(new org.apache.hadoop.fs.Path(Hooks.staged(w, "defections")).toUri()
        .getPath()));
    Files.writeString(t.resolve("part.txt"), run + " defections");
  }

  @Test
  void nightsPublishByCurrentWithoutRenames() throws Exception {
    Path dir = Files.createTempDirectory("pointer-nightly");
    String warehouse = noRename(dir.resolve("wh"));
    int refusedBefore = NoRenameFileSystem.REFUSED.get();
    ObjectNode first = night(warehouse);
    ObjectNode second = night(warehouse);
    assertEquals(0, second.at("/nightly/articles_new").asLong(), second.toString());
    assertTrue(first.at("/nightly/articles_new").asLong() > 0, first.toString());
    String current = Files.readString(dir.resolve("wh/CURRENT")).trim();
    assertEquals(second.get("run_id").asText(), current);
    assertFalse(Files.exists(dir.resolve("wh/current")), "no link on a store without links");
    run(dir.resolve("local").toString(), Map.of("publish.mode", "rename"));
    for (String t : new String[] {"defections", "mentions", "defections_by_country"}) {
      assertEquals(rows(dir.resolve("local").resolve(t).toString()), rows(warehouse + "/versions/" + current + "/"
          + t), t);
    }
    assertEquals(refusedBefore, NoRenameFileSystem.REFUSED.get(), "the nights tried no rename");
  }

  private static ObjectNode night(String warehouse) {
    return new NightlyJob(SparkTestSession.get(), JobConfig.load(null, Map.of("input", SAMPLE.toString(),
        "nightly.warehouse", warehouse, "nightly.run-date", "2026-12-07", "publish.mode", "pointer"))).run();
  }
}

package org.defections.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.defections.DefectionJob;
import org.defections.SparkTestSession;
import org.defections.config.JobConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job with its input and output on a real HDFS (MiniDFSCluster, in-process): the tables of a local run. */
class HdfsTest {
  private static MiniDFSCluster cluster;
  private static String hdfs;

  @BeforeAll
  static void start() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, Files.createTempDirectory("minidfs").toString());
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    hdfs = "hdfs://localhost:" + cluster.getNameNodePort();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Test
  void aRunOnHdfsGivesTheTablesOfALocalRun() throws Exception {
    Path sample = Path.of("samples/corpus");
    FileSystem fs = FileSystem.get(java.net.URI.create(hdfs), SparkTestSession.get().sparkContext()
        .hadoopConfiguration());
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(sample.toAbsolutePath().toString()),
        new org.apache.hadoop.fs.Path(hdfs + "/feed"));
    Path local = Files.createTempDirectory("hdfs-local");
    run(sample.toAbsolutePath().toString(), local.resolve("out").toString());
    run(hdfs + "/feed", hdfs + "/tables");
    Path copied = Files.createTempDirectory("hdfs-copy");
    fs.copyToLocalFile(new org.apache.hadoop.fs.Path(hdfs + "/tables"), new org.apache.hadoop.fs.Path(copied
        .toString()));
    for (String table : new String[] {"defections", "mentions", "defections_by_country", "rejects"}) {
      assertEquals(rows(local.resolve("out").resolve(table)), rows(copied.resolve("tables").resolve(table)), table);
    }
    // report and inspect read the output where it is
    var data = new org.defections.report.ReportLoader(SparkTestSession.get()).load(hdfs + "/tables", 25, 20);
    var localData = new org.defections.report.ReportLoader(SparkTestSession.get()).load(local.resolve("out")
        .toString(), 25, 20);
    assertEquals(localData.totals, data.totals);
    org.defections.report.HtmlReport.write(hdfs + "/tables/report.html", org.defections.report.HtmlReport.render(
        data), SparkTestSession.get().sparkContext().hadoopConfiguration());
    try (var in = fs.open(new org.apache.hadoop.fs.Path(hdfs + "/tables/report.html"))) {
      org.junit.jupiter.api.Assertions.assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .contains("<svg"));
    }
    String inspected = new org.defections.write.ParquetInspector(SparkTestSession.get().sparkContext()
        .hadoopConfiguration()).describe(hdfs + "/tables/defections");
    org.junit.jupiter.api.Assertions.assertTrue(inspected.contains("rows"), inspected);
  }

  @Test
  void nightsOnHdfsWithALockFile() throws Exception {
    var spark = SparkTestSession.get();
    FileSystem fs = FileSystem.get(java.net.URI.create(hdfs), spark.sparkContext().hadoopConfiguration());
    Path sample = Path.of("samples/corpus").toAbsolutePath();
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(sample.toString()), new org.apache.hadoop.fs.Path(hdfs
        + "/nightly-feed"));
    String warehouse = hdfs + "/warehouse";
    com.fasterxml.jackson.databind.node.ObjectNode first = night(hdfs + "/nightly-feed", warehouse);
    com.fasterxml.jackson.databind.node.ObjectNode second = night(hdfs + "/nightly-feed", warehouse);
    assertEquals(0, second.at("/nightly/articles_new").asLong(), second.toString());
    String current = read(fs, warehouse + "/CURRENT");
    assertEquals(second.get("run_id").asText(), current);
    org.junit.jupiter.api.Assertions.assertFalse(fs.exists(new org.apache.hadoop.fs.Path(warehouse + "/_lock")),
        "the lock is released");
    // the version's tables are those of a local run of the same input
    Path local = Files.createTempDirectory("hdfs-nightly-local");
    run(sample.toString(), local.resolve("out").toString());
    Path copied = Files.createTempDirectory("hdfs-nightly-copy");
    fs.copyToLocalFile(new org.apache.hadoop.fs.Path(warehouse + "/versions/" + current),
        new org.apache.hadoop.fs.Path(copied.toString()));
    for (String table : new String[] {"defections", "mentions", "defections_by_country"}) {
      assertEquals(rows(local.resolve("out").resolve(table)), rows(copied.resolve(current).resolve(table)), table);
    }
    // a lock held by another night refuses the run; a stale one (older than the timeout) is taken over
    org.apache.hadoop.fs.Path lock = new org.apache.hadoop.fs.Path(warehouse + "/_lock");
    try (var out = fs.create(lock, false)) {
      out.write("owner other host elsewhere pid 1 since 2026-12-07T00:00:00Z\n".getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
    }
    IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> night(hdfs + "/nightly-feed", warehouse));
    org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("another nightly run holds the lock")
        && refused.getMessage().contains("host elsewhere"), refused.getMessage());
    assertEquals(current, read(fs, warehouse + "/CURRENT"), "the refused night published nothing");
    fs.setTimes(lock, System.currentTimeMillis() - 13 * 3_600_000L, -1);
    com.fasterxml.jackson.databind.node.ObjectNode third = night(hdfs + "/nightly-feed", warehouse);
    assertEquals(third.get("run_id").asText(), read(fs, warehouse + "/CURRENT"));
    org.junit.jupiter.api.Assertions.assertFalse(fs.exists(lock), "the taken-over lock is released");
  }

  /**
   * A night on HDFS killed (SIGKILL, in its own JVM) while it writes its version: CURRENT still names the previous
   * version; the dead night's lock file refuses the next night until it is older than the lock timeout, and then the
   * next night takes it over, succeeds and removes the incomplete version.
   */
  @Test
  void aNightKilledWhileWritingOnHdfs() throws Exception {
    var spark = SparkTestSession.get();
    FileSystem fs = FileSystem.get(java.net.URI.create(hdfs), spark.sparkContext().hadoopConfiguration());
    Path sample = Path.of("samples/corpus").toAbsolutePath();
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(sample.toString()), new org.apache.hadoop.fs.Path(hdfs
        + "/kill-feed"));
    String warehouse = hdfs + "/kill-warehouse";
    String before = night(hdfs + "/kill-feed", warehouse).get("run_id").asText();
    Path dev = Path.of(System.getProperty("shared.dir", "../shared")).resolve("eval/dev/articles.jsonl");
    java.util.List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+Ignore") || a.startsWith("-Djdk.reflect"))
        .toList());
    cmd.addAll(java.util.List.of("-Xmx2g", "-cp", System.getProperty("java.class.path"), "org.defections.cli.Main",
        "nightly", "--input", dev.toString(), "--warehouse", warehouse, "--master", "local[2]"));
    Path log = Files.createTempFile("killed-night", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    org.apache.hadoop.fs.Path versions = new org.apache.hadoop.fs.Path(warehouse + "/versions");
    String started = null;
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(180);
    while (started == null && p.isAlive() && System.nanoTime() < deadline) {
      for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(versions)) {
        if (!st.getPath().getName().equals(before) && fs.exists(new org.apache.hadoop.fs.Path(st.getPath(),
            "_staging"))) {
          started = st.getPath().getName();
        }
      }
      Thread.sleep(100);
    }
    org.junit.jupiter.api.Assertions.assertNotNull(started, "the night started writing: " + Files.readString(log));
    p.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(before, read(fs, warehouse + "/CURRENT"), "CURRENT still names the previous version");
    // the dead night's lock refuses the next one until it is stale
    IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> night(hdfs + "/kill-feed", warehouse));
    org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("pid " + p.pid()), refused.getMessage());
    fs.setTimes(new org.apache.hadoop.fs.Path(warehouse + "/_lock"), System.currentTimeMillis() - 13 * 3_600_000L, -1);
    com.fasterxml.jackson.databind.node.ObjectNode next = night(hdfs + "/kill-feed", warehouse);
    assertEquals(next.get("run_id").asText(), read(fs, warehouse + "/CURRENT"));
    org.junit.jupiter.api.Assertions.assertFalse(fs.exists(new org.apache.hadoop.fs.Path(versions, started)),
        "the incomplete version is removed");
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode night(String input, String warehouse) {
    return new org.defections.nightly.NightlyJob(SparkTestSession.get(), JobConfig.load(null, Map.of("input", input,
        "nightly.warehouse", warehouse, "nightly.run-date", "2026-12-07"))).run();
  }

  private static String read(FileSystem fs, String file) throws Exception {
    try (var in = fs.open(new org.apache.hadoop.fs.Path(file))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
    }
  }

  private static void run(String input, String output) {
    new DefectionJob(SparkTestSession.get(), JobConfig.load(null, Map.of("input", input, "output", output))).run();
  }

  private static TreeSet<String> rows(Path table) throws Exception {
    TreeSet<String> out = new TreeSet<>();
    for (org.apache.spark.sql.Row r : SparkTestSession.get().read().parquet(table.toString()).drop("run_id").collectAsList()) {
      out.add(r.toString().replaceAll("file:[^,\\]]*/|hdfs://[^,\\]]*/", "<dir>/"));
    }
    return out;
  }
}

package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real Spark standalone cluster on 127.0.0.1 (a Master and two Workers started from Spark's Maven jars in
 * {@code target/spark-home/jars}), the packaged application jar submitted through
 * {@code org.apache.spark.deploy.SparkSubmit} exactly as the README's spark-submit command does, and the same
 * submission with {@code --master local[2]}: every table must hold the same rows. Every process started here is
 * stopped by its pid, also when the test fails.
 */
class StandaloneClusterIT {
  static final Path HOME = Paths.get(System.getProperty("spark.home", "target/spark-home"));
  static final Path JAR = Paths.get(System.getProperty("app.jar", "target/app.jar"));
  static final List<String> TABLES = List.of("defections", "mentions", "rejects", "defections_by_country",
      "defections_by_rank", "defections_by_month", "defections_by_country_rank_month", "input_files", "run_manifest");

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopEverything() throws InterruptedException {
    for (Process p : started) {
      p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroy();
    }
    for (Process p : started) {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      assertTrue(!p.isAlive(), "process " + p.pid() + " stopped");
    }
  }

  @Test
  void clusterRunWritesTheSameTablesAsALocalRun() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "the application jar " + JAR + " (mvn package) exists");
    assertTrue(Files.isDirectory(HOME.resolve("jars")), "Spark's jars in " + HOME + "/jars");
    Path work = Files.createTempDirectory("cluster-it");
    long t0 = System.nanoTime();

    String masterUrl = startCluster(work);
    long up = System.nanoTime();

    Path input = JobRunner.PROJECT.resolve("samples/corpus");
    Path clusterOut = work.resolve("cluster-out");
    submit(work.resolve("submit-cluster.log"), masterUrl, input, clusterOut);
    long clusterDone = System.nanoTime();
    Path localOut = work.resolve("local-out");
    submit(work.resolve("submit-local.log"), "local[2]", input, localOut);
    long localDone = System.nanoTime();
    System.out.printf("cluster IT: cluster up in %.1f s, cluster run %.1f s, local run %.1f s%n",
        (up - t0) / 1e9, (clusterDone - up) / 1e9, (localDone - clusterDone) / 1e9);

    String executors = Files.readString(work.resolve("submit-cluster.log"), StandardCharsets.UTF_8);
    assertTrue(executors.contains("defections: run"), "the cluster run finished:\n" + tail(executors));
    for (String table : TABLES) {
      List<String> cluster = comparable(table, rows(clusterOut.resolve(table)));
      List<String> local = comparable(table, rows(localOut.resolve(table)));
      assertTrue(!local.isEmpty() || table.equals("rejects"), table + " is not empty");
      assertEquals(String.join("\n", local), String.join("\n", cluster), table + " differs between cluster and local");
    }
  }

  /**
   * A worker (and the executor it launched) killed while the job annotates: Spark reruns the lost tasks and
   * recomputes the lost cached partitions on the other worker; the tables are those of a run without the fault.
   */
  @Test
  void killingAWorkerDuringAnnotationLosesNothing() throws Exception {
    Path work = Files.createTempDirectory("cluster-fault-worker");
    String masterUrl = startCluster(work);
    Path input = JobRunner.SHARED.resolve("eval/dev/articles.jsonl");
    Path faultOut = work.resolve("fault-out");
    Path log = work.resolve("submit-fault.log");
    Process driver = start(log, submitArgs(masterUrl, input, faultOut));
    awaitLog(log, "candidates:", 300); // candidate selection done: annotation starts
    Process worker = workers.get(0);
    List<ProcessHandle> executors = worker.toHandle().descendants().toList();
    assertTrue(!executors.isEmpty(), "the worker had launched an executor");
    executors.forEach(ProcessHandle::destroyForcibly);
    worker.destroyForcibly();
    System.out.printf("cluster IT: killed worker %d and executors %s after candidate selection%n", worker.pid(),
        executors.stream().map(ProcessHandle::pid).toList());
    awaitExit(driver, log, masterUrl);
    assertTrue(read(log).contains("defections: run"), "the run finished:\n" + tail(read(log)));

    Path cleanOut = work.resolve("clean-out");
    submit(work.resolve("submit-clean.log"), "local[2]", input, cleanOut);
    for (String table : TABLES) {
      assertEquals(String.join("\n", comparable(table, rows(cleanOut.resolve(table)))),
          String.join("\n", comparable(table, rows(faultOut.resolve(table)))), table + " differs after the fault");
    }
  }

  /**
   * The driver killed while it writes the next run's tables: the version published before stays readable and
   * complete (tables and manifest unchanged), and the next run succeeds.
   */
  @Test
  void killingTheDriverDuringTheWriteKeepsThePublishedVersion() throws Exception {
    Path work = Files.createTempDirectory("cluster-fault-driver");
    String masterUrl = startCluster(work);
    Path out = work.resolve("out");
    submit(work.resolve("submit-1.log"), masterUrl, JobRunner.PROJECT.resolve("samples/corpus"), out);
    // the site's spark-defaults.conf is kept: spark-submit --verbose lists its event-log setting, and the run logged
    String verbose = read(work.resolve("submit-1.log"));
    assertTrue(verbose.contains("(spark.eventLog.enabled,true)"), tail(verbose));
    try (var events = Files.list(SITE_CONF.resolveSibling("spark-events"))) {
      assertTrue(events.findAny().isPresent(), "an event log was written");
    }
    java.util.Map<String, List<String>> published = new java.util.TreeMap<>();
    for (String table : TABLES) {
      published.put(table, rows(out.resolve(table)));
    }
    String manifest = Files.readString(out.resolve("_manifest.json"), StandardCharsets.UTF_8);

    Path input = JobRunner.SHARED.resolve("eval/dev/articles.jsonl");
    Path log = work.resolve("submit-2.log");
    Process driver = start(log, submitArgs(masterUrl, input, out));
    awaitLog(log, "annotated and extracted:", 300); // mentions staged; records and aggregates are being written
    driver.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    System.out.printf("cluster IT: killed driver %d while it wrote its tables%n", driver.pid());

    assertEquals(manifest, Files.readString(out.resolve("_manifest.json"), StandardCharsets.UTF_8));
    for (String table : TABLES) {
      assertEquals(published.get(table), rows(out.resolve(table)), table + " changed after the driver was killed");
    }
    submit(work.resolve("submit-3.log"), masterUrl, input, out);
    String after = Files.readString(out.resolve("_manifest.json"), StandardCharsets.UTF_8);
    assertTrue(!after.equals(manifest) && after.contains("articles.jsonl"), "the next run published: " + after);
    assertTrue(!Files.exists(out.resolve("_staging")), "the next run removed the killed run's staging folder");
  }

  private final List<Process> workers = new ArrayList<>();

  /** A Master and two one-core Workers on 127.0.0.1; returns the master URL. */
  private String startCluster(Path work) throws Exception {
    int port = freePort();
    String masterUrl = "spark://127.0.0.1:" + port;
    Path masterLog = work.resolve("master.log");
    start(masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
        String.valueOf(port), "--webui-port", String.valueOf(freePort()));
    awaitLog(masterLog, "I have been elected leader", 90);
    for (int i = 1; i <= 2; i++) {
      Path log = work.resolve("worker-" + i + ".log");
      workers.add(start(log, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
          "--memory", "2g", "--work-dir", work.resolve("worker-" + i).toString(), "--webui-port",
          String.valueOf(freePort()), masterUrl));
      awaitLog(log, "Successfully registered with master", 90);
    }
    return masterUrl;
  }

  private static void awaitExit(Process p, Path log, String master) throws Exception {
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      throw new AssertionError("spark-submit to " + master + " did not finish in 600 s:\n" + tail(read(log)));
    }
    assertEquals(0, p.exitValue(), "spark-submit to " + master + " failed:\n" + tail(read(log)));
  }

  /** A Parquet table's rows through dump-table.sh (DuckDB); the JSON-lines run_manifest table's lines as they are. */
  private static List<String> rows(Path table) throws Exception {
    if (!table.getFileName().toString().equals("run_manifest")) {
      return JobRunner.dump(table);
    }
    List<String> lines = new ArrayList<>();
    try (var files = Files.list(table)) {
      for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json"))::iterator) {
        lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  /** Rows sorted; the manifest's run-specific fields (run id, times, paths, master) are left out. */
  private static List<String> comparable(String table, List<String> rows) throws IOException {
    List<String> out = new ArrayList<>();
    for (String r : rows) {
      if (r.isBlank()) {
        continue;
      }
      if (table.equals("run_manifest")) {
        var n = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(r);
        n.remove(List.of("run_id", "finished_at", "timings_ms", "output"));
        r = n.toString();
      }
      out.add(r);
    }
    out.sort(null);
    return out;
  }

  /** spark-submit, as the README gives it: Spark's SparkSubmit main class on Spark's jars. */
  private void submit(Path log, String master, Path input, Path output) throws Exception {
    awaitExit(start(log, submitArgs(master, input, output)), log, master);
  }

  private static String[] submitArgs(String master, Path input, Path output) {
    return new String[] {"org.apache.spark.deploy.SparkSubmit", "--verbose",
        "--class", "org.defections.cli.Main", "--master", master, "--driver-memory", "1g",
        // the job's quiet logging; Master and Worker keep Spark's default INFO log, which the test waits on
        "--driver-java-options", "-Dlog4j2.configurationFile=" + JobRunner.PROJECT.resolve("conf/log4j2.properties"),
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.executor.memory=1g",
        JAR.toString(), "run", "--input", input.toString(), "--output", output.toString()};
  }

  /** A site's Spark configuration directory: its spark-defaults.conf turns event logs on. */
  static final Path SITE_CONF = HOME.resolveSibling("site-conf");

  static Path siteConf() throws IOException {
    Path events = Files.createDirectories(SITE_CONF.resolveSibling("spark-events"));
    Files.createDirectories(SITE_CONF);
    Files.writeString(SITE_CONF.resolve("spark-defaults.conf"), "spark.eventLog.enabled true\n"
        + "spark.eventLog.dir " + events.toUri() + "\n", StandardCharsets.UTF_8);
    return SITE_CONF;
  }

  /**
   * Runs a Spark class through the Spark home's {@code bin/spark-class} (built by {@code bin/spark-home}): Spark's
   * launcher makes the java command, with the JVM flags Java 17 needs, the site's {@code spark-defaults.conf}
   * ({@link #SITE_CONF}: event logs on) and 1 GB heaps.
   */
  private Process start(Path log, String... mainAndArgs) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(HOME.resolve("bin/spark-class").toString());
    cmd.addAll(Arrays.asList(mainAndArgs));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", HOME.toString());
    env.put("SPARK_CONF_DIR", siteConf().toString());
    env.put("SPARK_DAEMON_MEMORY", "1g");
    env.put("SPARK_SCALA_VERSION", "2.12");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    started.add(p);
    return p;
  }

  private static void awaitLog(Path log, String line, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && read(log).contains(line)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("'" + line + "' not in " + log + " after " + seconds + " s:\n" + tail(read(log)));
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

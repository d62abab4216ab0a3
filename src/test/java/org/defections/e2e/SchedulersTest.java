package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The scheduler examples in ops/: the cron wrapper runs a real night on the sample corpus and refuses to start while
 * another run of the same warehouse holds its flock; the Airflow DAG is valid Python that passes the run date and
 * allows one run at a time; the Kubernetes ScheduledSparkApplication forbids overlap and names the image the Dockerfile
 * builds; none carries JVM flags (Spark adds them), all give the driver the same memory and the same run date.
 */
class SchedulersTest {
  private static final Path OPS = JobRunner.PROJECT.resolve("ops");

  private static Process run(Path log, String... cmd) throws Exception {
    return run(log, Map.of(), cmd);
  }

  private static Process run(Path log, Map<String, String> env, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("DEFECTIONS_PROGRESS__INTERVAL_SECONDS", "1"); // configuration from the environment
    pb.environment().putAll(env);
    return pb.start();
  }

  /**
   * A stand-in for spark-submit (the packaged jar does not exist before {@code package}): it checks the arguments
   * have spark-submit's shape (options, then the jar, then the application's arguments) and runs the job's main
   * class on this test's class path with the application's arguments, as spark-submit would.
   */
  private static Path fakeSparkSubmit(Path dir) throws Exception {
    Path script = dir.resolve("spark-submit");
    Files.writeString(script, "#!/usr/bin/env bash\n"
        + "set -euo pipefail\n"
        + "[[ \"$1 $2\" == \"--class org.defections.cli.Main\" ]] || { echo \"bad args: $*\" >&2; exit 9; }\n"
        + "while [[ $# -gt 0 && \"$1\" != *.jar ]]; do shift; done\n"
        + "[[ -f \"$1\" ]] || { echo \"no jar: $1\" >&2; exit 9; }\n"
        + "shift\n"
        + "exec java -Xmx2g $TEST_FLAGS -cp \"$TEST_CP\" org.defections.cli.Main \"$@\"\n", StandardCharsets.UTF_8);
    script.toFile().setExecutable(true);
    return script;
  }

  @Test
  void cronWrapperRunsANightAndNeverOverlaps() throws Exception {
    Path dir = Files.createTempDirectory("cron");
    Path warehouse = dir.resolve("warehouse");
    String wrapper = OPS.resolve("cron/defections-nightly").toString();
    String input = JobRunner.PROJECT.resolve("samples/corpus").toString();

    Path jar = Files.writeString(dir.resolve("app.jar"), "stands for the packaged jar");
    Map<String, String> env = Map.of("SPARK_SUBMIT", fakeSparkSubmit(dir).toString(), "DEFECTIONS_JAR",
        jar.toString(), "TEST_CP", System.getProperty("java.class.path"), "TEST_FLAGS",
        String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+Ignore") || a.startsWith("-Djdk.reflect"))
            .toList()) + " -Dlog4j2.configurationFile=" + JobRunner.PROJECT.resolve("conf/log4j2.properties"));
    // a night's log older than --keep-logs-days goes
    Path old = Files.createDirectories(warehouse.resolve("logs")).resolve("nightly-2026-01-01-021500.log");
    Files.writeString(old, "an old night");
    Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
        - 40L * 24 * 3_600_000));
    Path log = dir.resolve("run.log");
    Process p = run(log, env, wrapper, "--input", input, "--warehouse", warehouse.toString(), "--keep-logs-days",
        "30");
    assertTrue(p.waitFor(600, TimeUnit.SECONDS));
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    String current = Files.readString(warehouse.resolve("CURRENT"), StandardCharsets.UTF_8).trim();
    assertTrue(Files.exists(warehouse.resolve("versions").resolve(current).resolve("_manifest.json")));
    assertTrue(out.contains("19 new (annotated)"), out); // the 19 accepted articles; the French one is not annotated
    List<Path> nightLogs;
    try (var logs = Files.list(warehouse.resolve("logs"))) {
      nightLogs = logs.collect(java.util.stream.Collectors.toList());
    }
    assertEquals(1, nightLogs.size(), "one log per night, the old one removed: " + nightLogs);
    String night = Files.readString(nightLogs.get(0), StandardCharsets.UTF_8);
    assertTrue(night.matches("(?s).*defections: progress \\d+m\\d\\ds: spark jobs \\d+, stages \\d+, tasks \\d+ done.*"),
        "a long run shows progress: " + night);
    assertTrue(night.contains("INFO DefectionJob: candidates: 18 of 19 articles to annotate"), night);

    // another run holds the warehouse's flock: the wrapper does not start, and says why
    Path holder = dir.resolve("holder.log");
    Process hold = run(holder, "flock", warehouse.resolve(".cron.lock").toString(), "sleep", "60");
    try {
      Thread.sleep(500);
      Path second = dir.resolve("second.log");
      Process q = run(second, env, wrapper, "--input", input, "--warehouse", warehouse.toString());
      assertTrue(q.waitFor(30, TimeUnit.SECONDS), "a refused run returns at once");
      assertEquals(75, q.exitValue());
      assertTrue(Files.readString(second, StandardCharsets.UTF_8).contains("another run of " + warehouse
          + " is in progress"));
    } finally {
      hold.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      hold.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertEquals(current, Files.readString(warehouse.resolve("CURRENT"), StandardCharsets.UTF_8).trim());

    Process bad = run(dir.resolve("bad.log"), env, wrapper, "--input", input);
    assertTrue(bad.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, bad.exitValue());
    // without the packaged jar it says what to build, and builds nothing
    Path noJarLog = dir.resolve("no-jar.log");
    Process noJar = run(noJarLog, Map.of("SPARK_SUBMIT", env.get("SPARK_SUBMIT"), "DEFECTIONS_JAR",
        dir.resolve("missing.jar").toString()), wrapper, "--input", input, "--warehouse", warehouse.toString());
    assertTrue(noJar.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, noJar.exitValue());
    assertTrue(Files.readString(noJarLog).contains("mvn -B package -DskipTests"), Files.readString(noJarLog));
  }

  @Test
  void airflowDagIsValidPythonPassingTheRunDate() throws Exception {
    Path dag = OPS.resolve("airflow/defections_nightly.py");
    Path pyc = Files.createTempFile("dag", ".pyc");
    Process p = run(Files.createTempFile("py", ".log"), "python3", "-c",
        "import py_compile,sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)", dag.toString(),
        pyc.toString());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "the DAG compiles");
    String src = Files.readString(dag, StandardCharsets.UTF_8);
    assertTrue(src.contains("SparkSubmitOperator("));
    assertTrue(src.contains("max_active_runs=1"));
    // the run date is the day the night runs, as cron and Kubernetes give it
    assertTrue(src.contains("\"--run-date\", \"{{ data_interval_end.strftime('%Y-%m-%d') }}\""), src);
    assertTrue(src.contains("java_class=\"org.defections.cli.Main\""));
    assertFalse(src.contains("add-opens"), "Spark adds the JVM flags itself");
    assertTrue(src.contains("\"spark.driver.memory\": \"" + sparkDefault("spark.driver.memory") + "\""), src);
  }

  @Test
  void kubernetesScheduleForbidsOverlap() throws Exception {
    Map<String, Object> doc = new Yaml().load(Files.readString(OPS.resolve("k8s/defections-nightly.yaml"),
        StandardCharsets.UTF_8));
    assertEquals("ScheduledSparkApplication", doc.get("kind"));
    Map<?, ?> spec = (Map<?, ?>) doc.get("spec");
    assertEquals("Forbid", spec.get("concurrencyPolicy"));
    Map<?, ?> template = (Map<?, ?>) spec.get("template");
    assertEquals("org.defections.cli.Main", template.get("mainClass"));
    assertEquals("nightly", ((List<?>) template.get("arguments")).get(0));
    String yaml = Files.readString(OPS.resolve("k8s/defections-nightly.yaml"));
    assertFalse(yaml.contains("add-opens"), "Spark adds the JVM flags itself");
    assertEquals(sparkDefault("spark.driver.memory"), ((Map<?, ?>) template.get("driver")).get("memory"));
    assertFalse(yaml.contains("password"));
    // the image it names is the one ops/k8s/Dockerfile builds, with the jar where the manifest looks for it
    String dockerfile = Files.readString(OPS.resolve("k8s/Dockerfile"));
    assertTrue(dockerfile.contains("-t " + template.get("image") + " "), dockerfile);
    assertTrue(dockerfile.contains(" " + ((String) template.get("mainApplicationFile")).replace("local://", "")
        + "\n"), dockerfile);
    assertTrue(dockerfile.contains("FROM apache/spark:" + template.get("sparkVersion") + "-scala2.12-java17"));
  }

  /** A setting of conf/spark-defaults.conf (the sizing the ops files share). */
  private static String sparkDefault(String key) throws Exception {
    for (String l : Files.readAllLines(JobRunner.PROJECT.resolve("conf/spark-defaults.conf"))) {
      String[] kv = l.trim().split("\\s+", 2);
      if (kv.length == 2 && kv[0].equals(key)) {
        return kv[1];
      }
    }
    throw new AssertionError(key + " not in conf/spark-defaults.conf");
  }
}

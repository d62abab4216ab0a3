package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The scheduler examples in ops/: the cron wrapper runs a real night on the sample corpus and refuses to start while
 * another run of the same warehouse holds its flock; the Airflow DAG is valid Python that passes the run date and
 * allows one run at a time; the Kubernetes ScheduledSparkApplication forbids overlap and carries the same JVM flags as
 * the pom.
 */
class SchedulersTest {
  private static final Path OPS = JobRunner.PROJECT.resolve("ops");

  private static Process run(Path log, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("DEFECTIONS_PROGRESS__INTERVAL_SECONDS", "1"); // configuration from the environment
    return pb.start();
  }

  @Test
  void cronWrapperRunsANightAndNeverOverlaps() throws Exception {
    Path dir = Files.createTempDirectory("cron");
    Path warehouse = dir.resolve("warehouse");
    String wrapper = OPS.resolve("cron/defections-nightly").toString();
    String input = JobRunner.PROJECT.resolve("samples/corpus").toString();

    Path log = dir.resolve("run.log");
    Process p = run(log, wrapper, "--input", input, "--warehouse", warehouse.toString());
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
    assertEquals(1, nightLogs.size(), "one log per night");
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
      Process q = run(second, wrapper, "--input", input, "--warehouse", warehouse.toString());
      assertTrue(q.waitFor(30, TimeUnit.SECONDS), "a refused run returns at once");
      assertEquals(75, q.exitValue());
      assertTrue(Files.readString(second, StandardCharsets.UTF_8).contains("another run of " + warehouse
          + " is in progress"));
    } finally {
      hold.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      hold.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertEquals(current, Files.readString(warehouse.resolve("CURRENT"), StandardCharsets.UTF_8).trim());

    Process bad = run(dir.resolve("bad.log"), wrapper, "--input", input);
    assertTrue(bad.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, bad.exitValue());
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
    assertTrue(src.contains("\"--run-date\", \"{{ ds }}\""));
    assertTrue(src.contains("java_class=\"org.defections.cli.Main\""));
    assertEquals(pomAddOpens(), packages(src, "\"([a-z.]+)\""), "the DAG opens the pom's packages");
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
    Map<?, ?> conf = (Map<?, ?>) template.get("sparkConf");
    for (String k : List.of("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions")) {
      assertEquals(pomAddOpens(), packages((String) conf.get(k), "--add-opens=java.base/([a-z.]+)="), k);
    }
    assertFalse(Files.readString(OPS.resolve("k8s/defections-nightly.yaml")).contains("password"));
  }

  private static TreeSet<String> pomAddOpens() throws Exception {
    String pom = Files.readString(JobRunner.PROJECT.resolve("pom.xml"), StandardCharsets.UTF_8);
    return packages(pom, "--add-opens=java.base/([a-z.]+)=");
  }

  private static TreeSet<String> packages(String text, String regex) {
    TreeSet<String> out = new TreeSet<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      if (m.group(1).startsWith("java.") || m.group(1).startsWith("sun.") || m.group(1).startsWith("jdk.")) {
        out.add(m.group(1));
      }
    }
    return out;
  }

}

package org.defections.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.defections.DefectionJob;
import org.defections.SparkTestSession;
import org.defections.config.JobConfig;

/** Runs the job in the suite's SparkSession and reads its output the way analysts do (an independent reader). */
final class JobRunner {
  static final Path PROJECT = Paths.get(System.getProperty("project.dir", "."));
  static final Path SHARED = Paths.get(System.getProperty("shared.dir", "../shared"));

  private static Path sampleOutput;
  private static ObjectNode sampleManifest;

  private JobRunner() {}

  /** The job's output on the bundled sample corpus, run once per suite and shared by the tests that read it. */
  static synchronized Path sampleOutput() throws IOException {
    if (sampleOutput == null) {
      Path out = Files.createTempDirectory("sample-run").resolve("out");
      sampleManifest = run(PROJECT.resolve("samples/corpus"), out);
      sampleOutput = out;
    }
    return sampleOutput;
  }

  /** The manifest of {@link #sampleOutput()}'s run. */
  static synchronized ObjectNode sampleManifest() throws IOException {
    sampleOutput();
    return sampleManifest;
  }

  static ObjectNode run(Path input, Path output) {
    return run(input, output, Map.of());
  }

  /** A run with configuration overrides (keys without the "defections." prefix). */
  static ObjectNode run(Path input, Path output, Map<String, String> overrides) {
    Map<String, String> all = new java.util.HashMap<>(overrides);
    all.put("input", input.toString());
    all.put("output", output.toString());
    return new DefectionJob(SparkTestSession.get(), JobConfig.load(null, all)).run();
  }

  /** A table as JSON lines, read by ../shared/eval/dump-table.sh (DuckDB), not by the project's code. */
  static List<String> dump(Path table) throws IOException, InterruptedException {
    Path out = Files.createTempFile("table", ".jsonl");
    Process p = new ProcessBuilder(SHARED.resolve("eval/dump-table.sh").toString(), table.toString())
        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("dump-table.sh failed on " + table + " (exit " + p.exitValue() + ")");
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    if (!table.getFileName().toString().equals("defections")) {
      return lines;
    }
    // a record's run_id differs from run to run: records are compared without it (SampleCorpusTest checks it)
    List<String> records = new java.util.ArrayList<>(lines.size());
    for (String l : lines) {
      records.add(l.isBlank() ? l : l.replaceFirst(",\"run_id\":(\"[^\"]*\"|null)}$", "}"));
    }
    return records;
  }

  /** score.py --show's whole output (missed, spurious, wrong fields, figures) on predicted JSON lines. */
  static String scoreShow(Path gold, List<String> predicted) throws IOException, InterruptedException {
    return scorePy(gold, predicted, "--show");
  }

  /** score.py --json on a predicted JSON-lines file: its last line. */
  static String score(Path gold, List<String> predicted) throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>(List.of(scorePy(gold, predicted, "--json").trim().split("\n")));
    return lines.get(lines.size() - 1);
  }

  private static String scorePy(Path gold, List<String> predicted, String flag)
      throws IOException, InterruptedException {
    Path pred = Files.createTempFile("pred", ".jsonl");
    Files.write(pred, predicted, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("python3", SHARED.resolve("eval/score.py").toString(), gold.toString(),
        pred.toString(), flag).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("score.py failed: " + out);
    }
    return out;
  }
}

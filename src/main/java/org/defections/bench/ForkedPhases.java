package org.defections.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each benchmark phase in a JVM of its own, started with this JVM's options and class path, as a nightly run
 * starts: no phase runs on code another one compiled or classes it loaded. The child is {@code Main bench-phase INPUT
 * RESULT} ({@link Phases} on an embedded local Spark with the run's settings); its output goes to {@code
 * work/phase-NAME.log}, its result to {@code work/phase-NAME.json}. A phase that fails fails the bench with the end of
 * its log.
 */
public final class ForkedPhases implements PhaseRunner {
  /** The class and command the child runs. */
  static final String MAIN = "org.defections.cli.Main";
  static final String COMMAND = "bench-phase";

  private final ObjectMapper om = new ObjectMapper();

  @Override
  public String jvm() {
    return "a fresh one per phase, with the bench's JVM options and class path";
  }

  @Override
  public ObjectNode run(PhaseInput input) throws IOException {
    Path work = Paths.get(input.work());
    Path in = work.resolve("phase-" + input.phase() + ".input.json");
    Path result = work.resolve("phase-" + input.phase() + ".json");
    Path log = work.resolve("phase-" + input.phase() + ".log");
    om.writeValue(in.toFile(), input);
    Files.deleteIfExists(result);
    List<String> cmd = command();
    cmd.add(MAIN);
    cmd.add(COMMAND);
    cmd.add(in.toString());
    cmd.add(result.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code;
    try {
      code = p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the " + input.phase() + " phase ran", e);
    }
    if (code != 0 || !Files.isRegularFile(result)) {
      throw new IllegalStateException("the " + input.phase() + " phase of the benchmark failed (exit " + code
          + "); the end of its log " + log + ":\n" + tail(log, 15));
    }
    return (ObjectNode) om.readTree(result.toFile());
  }

  /**
   * Whether a child started with this JVM's class path finds the project's classes: not so under spark-submit, whose
   * application jar is loaded by a class loader of its own (the bench then runs its phases in its session).
   */
  public static boolean possible() {
    return ForkedPhases.class.getClassLoader() == ClassLoader.getSystemClassLoader();
  }

  /**
   * {@code java}, this JVM's options (without a debugger agent, which would ask for the same port) and class path:
   * the same heap, collector, {@code --add-opens} and {@code -D} settings as the bench.
   */
  static List<String> command() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-agentlib:jdwp") && !a.startsWith("-Xrunjdwp")) {
        cmd.add(a);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    return cmd;
  }

  private static String tail(Path log, int lines) throws IOException {
    if (!Files.isRegularFile(log)) {
      return "(no log)";
    }
    List<String> all = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}

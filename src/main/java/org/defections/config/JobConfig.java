package org.defections.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.util.Map;
import org.defections.ingest.InputFormat;

/**
 * The job's settings, read with Typesafe Config. Precedence: command-line options &gt; environment variables
 * (DEFECTIONS_* as listed in {@code reference.conf}) &gt; the {@code --conf} file &gt; defaults in
 * {@code reference.conf}. Every key is documented in {@code conf/application.conf}. Validated at construction:
 * errors name the key, the value and what is allowed.
 */
public final class JobConfig {
  private final String input;
  private final String output;
  private final InputFormat format;
  private final String master;
  private final int maxTextChars;
  private final int contextParagraphs;
  private final int maxPassageChars;
  private final boolean candidateSelection;
  private final String lexiconsDir;
  private final int outputFiles;
  private final String warehouse;
  private final int keepVersions;
  private final int lockTimeoutMinutes;
  private final String publishMode;
  private final boolean versionOutput;
  private final boolean ui;
  private final String runDate;
  private final int progressSeconds;
  private final double maxRejectRate;
  private final Config config;

  private JobConfig(Config c) {
    config = c;
    input = c.getString("defections.input");
    output = c.getString("defections.output");
    format = parse(c, "defections.format", InputFormat::parse);
    master = c.getString("defections.spark.master");
    maxTextChars = positive(c, "defections.ingest.max-text-chars");
    contextParagraphs = nonNegative(c, "defections.candidates.context-paragraphs");
    maxPassageChars = positive(c, "defections.candidates.max-passage-chars");
    candidateSelection = c.getBoolean("defections.candidates.enabled");
    lexiconsDir = c.getString("defections.lexicons.dir");
    if (lexiconsDir.matches("(?i)[a-z][a-z0-9+.-]*://.*") && !lexiconsDir.toLowerCase(java.util.Locale.ROOT)
        .startsWith("file://")) {
      // no model or lexicon is ever fetched: Spark NLP's pretrained() and remote resources are not used
      throw new IllegalArgumentException("defections.lexicons.dir = '" + lexiconsDir + "': must be a local directory;"
          + " the job makes no network connection and loads no remote model or lexicon");
    }
    outputFiles = nonNegative(c, "defections.output-files");
    warehouse = c.getString("defections.nightly.warehouse");
    keepVersions = positive(c, "defections.nightly.keep-versions");
    lockTimeoutMinutes = positive(c, "defections.nightly.lock-timeout-minutes");
    publishMode = c.getString("defections.publish.mode");
    ui = c.getBoolean("defections.spark.ui");
    org.defections.write.PublishMode.of(publishMode, "x"); // fails early on a bad value
    versionOutput = c.hasPath("defections.internal.version-output") && c.getBoolean("defections.internal.version-output");
    runDate = c.getString("defections.nightly.run-date");
    progressSeconds = positive(c, "defections.progress.interval-seconds");
    maxRejectRate = fraction(c, "defections.ingest.max-reject-rate");
    if (!runDate.isBlank()) {
      try {
        java.time.LocalDate.parse(runDate);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("defections.nightly.run-date = '" + runDate
            + "': must be a date YYYY-MM-DD (or empty for today)");
      }
    }
    if (input.isBlank()) {
      throw new IllegalArgumentException("defections.input is empty: give --input PATH");
    }
    if (output.isBlank() && warehouse.isBlank()) {
      throw new IllegalArgumentException("defections.output is empty: give --output DIR");
    }
  }

  /** The same settings writing into another output directory (a nightly run's new version). */
  public JobConfig withOutput(String dir) {
    return new JobConfig(ConfigFactory.parseMap(Map.of("defections.output", dir,
        "defections.internal.version-output", true)).withFallback(config));
  }

  /** Loads the configuration: overrides (from the command line, keys without the "defections." prefix) win. */
  public static JobConfig load(String confFile, Map<String, String> overrides) {
    return load(confFile, overrides, System.getenv());
  }

  /** As {@link #load(String, Map)}, with the environment given (DEFECTIONS_* variables are read from it). */
  public static JobConfig load(String confFile, Map<String, String> overrides, Map<String, String> environment) {
    Config defaults = ConfigFactory.defaultReference();
    Config file = ConfigFactory.empty();
    if (confFile != null) {
      File f = new File(confFile);
      if (!f.isFile()) {
        throw new IllegalArgumentException("--conf " + confFile + " is not a readable file");
      }
      file = ConfigFactory.parseFile(f);
    }
    java.util.Map<String, Object> fromEnv = new java.util.HashMap<>();
    for (Map.Entry<String, String> e : environment.entrySet()) {
      if (e.getKey().startsWith("DEFECTIONS_")) {
        String key = "defections." + e.getKey().substring("DEFECTIONS_".length()).toLowerCase().replace("__", ".")
            .replace('_', '-');
        fromEnv.put(key, e.getValue());
      }
    }
    java.util.Map<String, Object> cli = new java.util.HashMap<>();
    overrides.forEach((k, v) -> cli.put("defections." + k, v));
    Config all = ConfigFactory.parseMap(cli).withFallback(ConfigFactory.parseMap(fromEnv)).withFallback(file)
        .withFallback(defaults).resolve();
    try {
      return new JobConfig(all);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("configuration error: " + e.getMessage(), e);
    }
  }

  private interface Parser<T> {
    T parse(String s);
  }

  private static <T> T parse(Config c, String key, Parser<T> p) {
    String v = c.getString(key);
    try {
      return p.parse(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " = '" + v + "': " + e.getMessage());
    }
  }

  private static int positive(Config c, String key) {
    int v = integer(c, key);
    if (v <= 0) {
      throw new IllegalArgumentException(key + " = " + v + ": must be a positive integer");
    }
    return v;
  }

  private static int nonNegative(Config c, String key) {
    int v = integer(c, key);
    if (v < 0) {
      throw new IllegalArgumentException(key + " = " + v + ": must be zero or a positive integer");
    }
    return v;
  }

  private static double fraction(Config c, String key) {
    double v;
    try {
      v = c.getDouble(key);
    } catch (ConfigException.WrongType e) {
      throw new IllegalArgumentException(key + " = '" + c.getValue(key).unwrapped() + "': must be a number from 0 to 1");
    }
    if (v < 0 || v > 1 || Double.isNaN(v)) {
      throw new IllegalArgumentException(key + " = " + v + ": must be a number from 0 to 1");
    }
    return v;
  }

  private static int integer(Config c, String key) {
    try {
      return c.getInt(key);
    } catch (ConfigException.WrongType e) {
      throw new IllegalArgumentException(key + " = '" + c.getValue(key).unwrapped() + "': must be an integer");
    }
  }

  public String input() { return input; }
  public String output() { return output; }
  public InputFormat format() { return format; }
  public String master() { return master; }
  public int maxTextChars() { return maxTextChars; }
  public int contextParagraphs() { return contextParagraphs; }
  public int maxPassageChars() { return maxPassageChars; }
  public boolean candidateSelection() { return candidateSelection; }
  public String lexiconsDir() { return lexiconsDir; }
  public int outputFiles() { return outputFiles; }
  public String warehouse() { return warehouse; }
  public int keepVersions() { return keepVersions; }
  public int lockTimeoutMinutes() { return lockTimeoutMinutes; }
  /** The publish mode for a path (see {@link org.defections.write.PublishMode}). */
  public org.defections.write.PublishMode publishMode(String path) {
    return org.defections.write.PublishMode.of(publishMode, path);
  }
  /** Whether the output is a nightly version folder: a path of its own, never reused. */
  public boolean versionOutput() { return versionOutput; }
  /** Whether a local master keeps Spark's web UI ({@code --ui}). */
  public boolean ui() { return ui; }
  public String runDate() { return runDate; }
  public int progressSeconds() { return progressSeconds; }
  public double maxRejectRate() { return maxRejectRate; }
}

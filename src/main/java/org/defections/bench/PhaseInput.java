package org.defections.bench;

import java.util.Map;

/**
 * What one benchmark phase needs, passed to the JVM that runs it (as JSON, see {@link ForkedPhases}).
 *
 * @param phase {@code floor}, {@code job} or {@code baseline}
 * @param corpus the benchmark corpus (a file or a directory)
 * @param corpusBytes its size
 * @param corpusArticles its accepted articles as the floor counted them (-1 before the floor); the baseline samples
 *     the whole corpus when it has no more than {@code baselineArticles}
 * @param work the bench's work directory (outputs, the baseline's sample, the pipeline's matcher files)
 * @param baselineArticles articles the baseline annotates before extrapolating
 * @param confFile the run's configuration file, or null
 * @param overrides the run's configuration overrides (keys without the {@code defections.} prefix)
 * @param positives for the job phase: the positives file whose records the benchmark run must all find (the records
 *     check, run after the timed job), or null for no check
 */
public record PhaseInput(String phase, String corpus, long corpusBytes, long corpusArticles, String work,
    int baselineArticles, String confFile, Map<String, String> overrides, String positives) {
  public static final String FLOOR = "floor";
  public static final String JOB = "job";
  public static final String BASELINE = "baseline";

  public PhaseInput {
    if (!phase.equals(FLOOR) && !phase.equals(JOB) && !phase.equals(BASELINE)) {
      throw new IllegalArgumentException("unknown benchmark phase '" + phase + "' (floor, job or baseline)");
    }
    overrides = Map.copyOf(overrides);
  }

  /** This input with {@code positives} (or null) as the records check's positives. */
  public PhaseInput checking(String positives) {
    return new PhaseInput(phase, corpus, corpusBytes, corpusArticles, work, baselineArticles, confFile, overrides,
        positives);
  }
}

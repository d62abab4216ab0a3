package org.defections.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Runs one benchmark phase and returns what it measured: {@code {"phase": {...figures...}, "spark_master": ...,
 * "cores": ..., "max_heap_bytes": ...}} and, for a job phase given positives, {@code "records_check": {...}}.
 */
public interface PhaseRunner {
  ObjectNode run(PhaseInput input) throws IOException;

  /** Where the phases run, for the result's {@code jvm} field. */
  String jvm();
}

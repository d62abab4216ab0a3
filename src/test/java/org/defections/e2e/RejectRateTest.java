package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.defections.DefectionJob;
import org.defections.SparkTestSession;
import org.defections.config.JobConfig;
import org.junit.jupiter.api.Test;

/** A feed that is mostly broken fails the run and publishes nothing; the previous output stays as it was. */
class RejectRateTest {
  private static final String GOOD = "{\"id\": \"%s\", \"published\": \"2020-01-02\", \"text\": \"A Gambian army "
      + "captain defected to Senegal on Monday, officials said.\"}";

  @Test
  void tooManyRejectsFailTheRunBeforePublishing() throws Exception {
    Path dir = Files.createTempDirectory("reject-rate");
    Path out = dir.resolve("out");
    Path good = dir.resolve("good.jsonl");
    Files.write(good, List.of(String.format(GOOD, "g1"), String.format(GOOD, "g2")), StandardCharsets.UTF_8);
    ObjectNode first = JobRunner.run(good, out);
    String manifest = Files.readString(out.resolve("_manifest.json"), StandardCharsets.UTF_8);

    Path broken = dir.resolve("broken.jsonl");
    Files.write(broken, List.of(String.format(GOOD, "b1"), "{\"id\": \"b2\", \"text\": ", "not json at all",
        "{\"id\": \"b4\"}"), StandardCharsets.UTF_8);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new DefectionJob(
        SparkTestSession.get(), JobConfig.load(null, Map.of("input", broken.toString(), "output", out.toString())))
        .run());
    assertEquals("3 of 4 input records were rejected (75.0 %), more than ingest.max-reject-rate = 0.5 allows; "
        + "nothing was published. See the reasons with --max-reject-rate 1 or in the rejects table of a run that "
        + "passes.", e.getMessage());
    assertEquals(manifest, Files.readString(out.resolve("_manifest.json"), StandardCharsets.UTF_8),
        "the previous output is untouched");
    assertFalse(Files.exists(out.resolve("_staging")) && Files.list(out.resolve("_staging")).findAny().isPresent(),
        "no staged tables are left behind");
    assertEquals(first.at("/counts/records").asLong(), 1);

    ObjectNode allowed = new DefectionJob(SparkTestSession.get(), JobConfig.load(null, Map.of("input",
        broken.toString(), "output", out.toString(), "ingest.max-reject-rate", "1"))).run();
    assertEquals(3, allowed.at("/counts/rejected").asLong());
  }
}

package org.defections.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration precedence (command line > environment > --conf file > defaults) and validation messages. */
class JobConfigTest {
  private static Path file(String hocon) throws Exception {
    Path f = Files.createTempFile("job", ".conf");
    Files.writeString(f, hocon);
    return f;
  }

  @Test
  void commandLineBeatsEnvironmentBeatsFileBeatsDefaults() throws Exception {
    Path f = file("defections { input = \"/in\", output = \"/out\", ingest.max-text-chars = 300, "
        + "candidates.context-paragraphs = 5, output-files = 4 }");
    Map<String, String> env = Map.of("DEFECTIONS_INGEST__MAX_TEXT_CHARS", "200",
        "DEFECTIONS_CANDIDATES__CONTEXT_PARAGRAPHS", "6", "UNRELATED", "x");
    JobConfig c = JobConfig.load(f.toString(), Map.of("ingest.max-text-chars", "100"), env);
    assertEquals(100, c.maxTextChars(), "command line wins");
    assertEquals(6, c.contextParagraphs(), "environment beats the file");
    assertEquals(4, c.outputFiles(), "file beats the defaults");
    assertEquals(20000, c.maxPassageChars(), "default");
    assertEquals("/in", c.input());
    assertEquals(7, c.keepVersions());
    assertEquals("/elsewhere", c.withOutput("/elsewhere").output());
    assertEquals(100, c.withOutput("/elsewhere").maxTextChars());
  }

  @Test
  void errorsNameTheKeyTheValueAndWhatIsAllowed() throws Exception {
    Map<String, String> base = Map.of("input", "/in", "output", "/out");
    assertEquals("defections.ingest.max-text-chars = 0: must be a positive integer",
        message(base, "ingest.max-text-chars", "0", Map.of()));
    assertEquals("defections.candidates.context-paragraphs = 'many': must be an integer",
        message(base, "candidates.context-paragraphs", "many", Map.of()));
    assertEquals("defections.nightly.keep-versions = -1: must be a positive integer",
        message(Map.of("input", "/in", "nightly.warehouse", "/w"), "nightly.keep-versions", "-1", Map.of()));
    assertEquals("defections.nightly.run-date = '21/11/2026': must be a date YYYY-MM-DD (or empty for today)",
        message(base, "nightly.run-date", "21/11/2026", Map.of()));
    assertEquals("defections.output-files = -3: must be zero or a positive integer",
        message(base, "input", "/in", Map.of("DEFECTIONS_OUTPUT_FILES", "-3")));
    assertEquals("defections.ingest.max-reject-rate = 1.5: must be a number from 0 to 1",
        message(base, "ingest.max-reject-rate", "1.5", Map.of()));
    assertEquals("defections.lexicons.dir = 'https://example.org/lexicons': must be a local directory; the job makes "
        + "no network connection and loads no remote model or lexicon",
        message(base, "lexicons.dir", "https://example.org/lexicons", Map.of()));
    String format = message(base, "format", "xml", Map.of());
    assertEquals(true, format.startsWith("defections.format = 'xml': "), format);
    assertEquals("defections.output is empty: give --output DIR",
        message(Map.of("input", "/in"), "format", "auto", Map.of()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JobConfig.load("/no/such.conf", base, Map.of()));
    assertEquals("--conf /no/such.conf is not a readable file", e.getMessage());
  }

  private static String message(Map<String, String> base, String key, String value, Map<String, String> env) {
    Map<String, String> o = new java.util.HashMap<>(base);
    o.put(key, value);
    return assertThrows(IllegalArgumentException.class, () -> JobConfig.load(null, o, env)).getMessage();
  }
}

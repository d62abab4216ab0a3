package org.defections.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
  private final RecordValidator v = new RecordValidator(1000);

  @Test
  void acceptsAGoodLineAndNormalisesTheDate() {
    ParsedRecord r = v.fromJsonLine("f", 1, "{\"id\":\"a1\",\"published\":\"2012-07-19T10:00:00\",\"text\":\"x\"}");
    assertNull(r.getReason());
    assertEquals("2012-07-19", r.getPublished());
    ParsedRecord n = v.fromJsonLine("f", 2, "{\"id\":7,\"date\":\"March 3, 2001\",\"text\":\"x\"}");
    assertEquals("7", n.getId());
    assertEquals("2001-03-03", n.getPublished());
  }

  @Test
  void eachKindOfBadRecordHasItsReason() {
    assertEquals("unparseable_json", v.fromJsonLine("f", 1, "{\"id\":\"a\",\"text\":").getReason());
    assertEquals("not_an_object", v.fromJsonLine("f", 1, "[1,2]").getReason());
    assertEquals("missing_id", v.fromJsonLine("f", 1, "{\"text\":\"x\"}").getReason());
    assertEquals("missing_text", v.fromJsonLine("f", 1, "{\"id\":\"a\"}").getReason());
    assertEquals("empty_text", v.fromJsonLine("f", 1, "{\"id\":\"a\",\"text\":\"  \\n \"}").getReason());
    assertEquals("wrong_type", v.fromJsonLine("f", 1, "{\"id\":\"a\",\"text\":42}").getReason());
    assertEquals("bad_date", v.fromJsonLine("f", 1, "{\"id\":\"a\",\"text\":\"x\",\"published\":\"soon\"}")
        .getReason());
    ParsedRecord big = v.fromJsonLine("f", 1, "{\"id\":\"a\",\"text\":\"" + "y".repeat(1001) + "\"}");
    assertEquals("text_too_large", big.getReason());
    assertEquals("text has 1001 characters, the limit (ingest.max-text-chars) is 1000", big.getDetail());
  }

  @Test
  void textFilesAreDecodedStrictly() {
    assertEquals("invalid_utf8", v.fromTextFile("/d/a.txt", new byte[] {'o', 'k', (byte) 0xC3}).getReason());
    assertEquals("binary_content", v.fromTextFile("/d/b.txt", new byte[] {'a', 0, 'b'}).getReason());
    assertEquals("empty_file", v.fromTextFile("/d/c.txt", new byte[0]).getReason());
    ParsedRecord ok = v.fromTextFile("/d/story.txt", "\uFEFFA line.\r\n".getBytes(StandardCharsets.UTF_8));
    assertNull(ok.getReason());
    assertEquals("story.txt", ok.getId());
    assertEquals("A line.\n", ok.getText());
  }

  @Test
  void datesAndTimestampsOfEveryFormatGiveTheirDay() {
    java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("2012-08-06", "2012-08-06");
    cases.put("1987-02-26T15:01:01", "1987-02-26");
    cases.put("2011-02-22 08:02", "2011-02-22");
    cases.put("2011-02-22T08:02:00+01:00", "2011-02-22");
    cases.put("2011-02-22T23:30:00Z", "2011-02-22");
    cases.put("August 6, 2012", "2012-08-06");
    cases.put("6 August 2012", "2012-08-06");
    cases.put("2012/08/06", "2012-08-06");
    cases.forEach((in, day) -> org.junit.jupiter.api.Assertions.assertEquals(day, RecordValidator.parseDate(in), in));
    for (String bad : new String[] {"2012-13-45", "2012-02-30T10:00:00", "2012-02-22Tnoon", "yesterday", ""}) {
      org.junit.jupiter.api.Assertions.assertNull(RecordValidator.parseDate(bad), bad);
    }
  }
}

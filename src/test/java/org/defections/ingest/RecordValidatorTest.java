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
    cases.forEach((in, day) -> org.junit.jupiter.api.Assertions.assertEquals(day, PublishedDates.parseDate(in), in));
    for (String bad : new String[] {"2012-13-45", "2012-02-30T10:00:00", "2012-02-22Tnoon", "yesterday", ""}) {
      org.junit.jupiter.api.Assertions.assertNull(PublishedDates.parseDate(bad), bad);
    }
  }

  /** What the formatters make of a string: an ISO date, else a local timestamp (T or space), else null. */
  private static java.time.LocalDate byFormatters(String s) {
    try {
      return java.time.LocalDate.parse(s);
    } catch (java.time.format.DateTimeParseException e) {
      // a timestamp?
    }
    try {
      return java.time.LocalDateTime.parse(s.replace(' ', 'T')).toLocalDate();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  @Test
  void theCommonFormsAreReadWithoutFormattersAsTheFormattersReadThem() {
    String[] common = {"2012-08-06", "2012-02-29", "0000-01-01", "9999-12-31", "1987-02-26T15:01:01",
        "2011-02-22 08:02", "2011-02-22T23:59:59.5", "2011-02-22T00:00:00.123456789", "2011-02-22 00:00:00"};
    for (String s : common) {
      assertEquals(byFormatters(s), PublishedDates.isoDate(s), s);
      org.junit.jupiter.api.Assertions.assertNotNull(PublishedDates.isoDate(s), s);
    }
    String[] others = {"2011-02-29", "2012-13-01", "2012-00-10", "2012-01-32", "2012-01-01T24:00", "2012-01-01T23:60",
        "2012-01-01T23:59:60", "2012-01-01T23:59:59.", "2012-01-01T23:59:59.1234567890", "2012-01-01T1:00",
        "2012-01-01T10:00Z", "2012-01-01T10:00:00+01:00", "2012-01-01x10:00", "2012-1-01", "+2012-01-01",
        "12012-01-01", "2012-01-01 ", "2012-01-01T", "2012-01-01T10", "2012-01-01T10:0", "2012-01-01T10:00:0"};
    for (String s : others) {
      java.time.LocalDate fast = PublishedDates.isoDate(s);
      org.junit.jupiter.api.Assertions.assertTrue(fast == null || fast.equals(byFormatters(s)), s + " -> " + fast);
    }
    assertEquals("2012-01-01", PublishedDates.parseDate("2012-01-01T10:00:00+01:00"), "others still read");
  }

  private static java.util.List<Object> fields(ParsedRecord r) {
    return java.util.Arrays.asList(r.getSource(), r.getPosition(), r.getId(), r.getUrl(), r.getPublished(),
        r.getTitle(), r.getText(), r.getReason(), r.getDetail(), r.getRaw());
  }

  @Test
  void aLineReadFromItsBytesGivesWhatItsTextGives() {
    RecordValidator small = new RecordValidator(40);
    String long60 = "x".repeat(60);
    String[] lines = {
        "{\"id\":\"a\",\"url\":\"http://x/1\",\"published\":\"2012-07-19T10:00:00\",\"title\":\"T\",\"text\":\"x\"}",
        "{\"id\":\"a\",\"text\":\"first\",\"text\":\"last\",\"id\":\"b\"}",
        "{\"id\":\"a\",\"published\":null,\"date\":\"2012-07-19\",\"text\":\"x\"}",
        "{\"id\":\"a\",\"date\":\"2012-07-19\",\"published\":\"2013-01-02\",\"text\":\"x\"}",
        "{\"id\":\"a\",\"date\":\"August 6, 2012\",\"text\":\"x\"}",
        "{\"id\":\"a\",\"published\":\" \",\"text\":\"x\"}",
        "{\"id\":\"a\",\"published\":\"2099-01-01\",\"text\":\"x\"}",
        "{\"id\":\"a\",\"published\":\"soon\",\"text\":\"x\"}",
        "{\"id\":7,\"text\":\"x\"}", "{\"id\":-0,\"text\":\"x\"}", "{\"id\":1.5,\"text\":\"x\"}",
        "{\"id\":\"a\",\"title\":{\"t\":1},\"text\":\"x\"}", "{\"id\":\"a\",\"url\":[1],\"text\":\"x\"}",
        "{\"id\":\"a\",\"meta\":{\"k\":[1,{\"z\":null}],\"n\":2.5e3},\"tags\":[\"a\"],\"text\":\"x\"}",
        "{\"id\":\"a\",\"text\":\"x\"} trailing words", "{\"id\":\"a\",\"text\":\"x\"}{", "{\"id\":\"a\",\"text\":",
        "{\"id\":\"a\",\"text\":\"x\",}", "{\"id\":\"a\" \"text\":\"x\"}", "[1,2]", "\"text\"", "42", "null",
        "{\"id\":\"a\",\"text\":\"caf\\u00e9 \\u201cquoted\\u201d\\r\\nline\"}",
        "{\"id\":\"a\",\"text\":\"tab\there\"}", "{\"id\":\"a\",\"text\":\"nul\\u0000\"}",
        "{\"id\":\" \",\"text\":\"x\"}", "{\"text\":\"x\"}", "{\"id\":\"a\"}", "{\"id\":\"a\",\"text\":null}",
        "{\"id\":\"a\",\"text\":\" \\n \"}", "{\"id\":\"a\",\"text\":\"" + long60 + "\"}",
        "{\"id\":\"a\",\"text\":\"<html><body><p>Hi</p></body></html>\"}",
        "{\"id\":\"a\",\"text\":\"<html><body><script>x()</script></body></html>\"}",
        "{\"id\":\"a\",\"published\":\"2012-07-19\",\"text\":\"" + long60 + "\",\"x\":\"" + "y".repeat(2100) + "\"}",
        "{}", "{\"id\":\"a\",\"text\":\"x\"" + ",\"n\":[".repeat(3) + "]]]}"};
    for (String line : lines) {
      assertEquals(fields(small.fromJsonLine("f", 3, line)),
          fields(small.fromJsonLine("f", 3, line.getBytes(StandardCharsets.UTF_8))), line);
    }
  }

  @Test
  void asciiIsToldEightBytesAtATime() {
    for (int n = 0; n < 20; n++) {
      byte[] b = "abcdefghijklmnopqrst".substring(0, n).getBytes(StandardCharsets.US_ASCII);
      org.junit.jupiter.api.Assertions.assertTrue(RecordValidator.isAscii(b), "length " + n);
      for (int i = 0; i < n; i++) {
        byte[] c = b.clone();
        c[i] = (byte) 0xC3;
        org.junit.jupiter.api.Assertions.assertFalse(RecordValidator.isAscii(c), "length " + n + ", byte " + i);
      }
    }
  }
}

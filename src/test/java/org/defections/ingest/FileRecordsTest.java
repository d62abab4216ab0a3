package org.defections.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Reading files in plain Java: line numbers, splits, line ends, damaged compression, fast and strict JSON paths. */
class FileRecordsTest {
  private static final RecordValidator V = new RecordValidator(100_000, LocalDate.of(2030, 1, 1));
  private static final Configuration CONF = new Configuration();

  private static List<String> read(FileSplit s, InputFormat f) {
    List<String> out = new ArrayList<>();
    try (FileRecords r = new FileRecords(s, f, V, CONF)) {
      r.forEachRemaining(p -> out.add(p.getPosition() + ":" + p.getId() + ":" + p.getReason()));
    }
    return out;
  }

  private static long newlines(byte[] b, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      n += b[i] == '\n' ? 1 : 0;
    }
    return n;
  }

  @Test
  void everySplitOfAFileGivesTheLinesOfTheWholeFileWithTheirNumbers() throws Exception {
    StringBuilder b = new StringBuilder();
    Random rnd = new Random(3);
    for (int i = 1; i <= 300; i++) {
      if (rnd.nextInt(7) == 0) {
        b.append(rnd.nextBoolean() ? "\n" : "  \r\n"); // blank lines are numbered, not records
      }
      b.append("{\"id\":\"r").append(i).append("\",\"text\":\"").append("w".repeat(rnd.nextInt(90)))
          .append(" defected.\"}").append(rnd.nextBoolean() ? "\r\n" : "\n");
    }
    b.append("{\"id\":\"last\",\"text\":\"no newline at the end\"}");
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    Path f = Files.createTempFile("lines", ".jsonl");
    Files.write(f, bytes);
    String uri = f.toUri().toString();
    List<String> whole = read(FileSplit.whole(uri), InputFormat.JSONL);
    assertEquals(301, whole.size());
    for (int size : new int[] {1, 7, 64, 100, 999, 4096}) {
      List<String> pieces = new ArrayList<>();
      for (int start = 0; start < bytes.length; start += size) {
        int end = Math.min(bytes.length, start + size);
        pieces.addAll(read(new FileSplit(uri, start, end, newlines(bytes, 0, start)), InputFormat.JSONL));
      }
      assertEquals(whole, pieces, "splits of " + size + " bytes");
    }
  }

  @Test
  void aCarriageReturnInsideALineIsOneRejectAndLinesAreNumbered() throws Exception {
    Path f = Files.createTempFile("cr", ".jsonl");
    Files.writeString(f, "{\"id\":\"a\",\"text\":\"x defected\"}\n{\"id\":\"b\",\"text\":\"one\rtwo\"}\n\n"
        + "{\"id\":\"c\",\"text\":\"y defected\"}\r\n");
    assertEquals(List.of("1:a:null", "2:null:unparseable_json", "4:c:null"),
        read(FileSplit.whole(f.toUri().toString()), InputFormat.JSONL));
  }

  @Test
  void damagedGzipKeepsTheRecordsBeforeTheDamage() throws Exception {
    Path dir = Files.createTempDirectory("gz");
    byte[] first = gzip("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n");
    byte[] second = gzip("{\"id\":\"c\",\"text\":\"z\"}\n");
    byte[] both = java.util.Arrays.copyOf(first, first.length + 20);
    System.arraycopy(second, 0, both, first.length, 20);
    Path f = dir.resolve("d.jsonl.gz");
    Files.write(f, both);
    List<String> got = read(FileSplit.whole(f.toUri().toString()), InputFormat.JSONL);
    assertEquals(List.of("1:a:null", "2:b:null", "3:d.jsonl.gz:bad_compression"), got);
    byte[] zst = com.github.luben.zstd.Zstd.compress("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n"
        .repeat(50).getBytes(StandardCharsets.UTF_8));
    Path cut = dir.resolve("cut.jsonl.zst");
    Files.write(cut, java.util.Arrays.copyOf(zst, zst.length - 5));
    List<String> fromZst = read(FileSplit.whole(cut.toUri().toString()), InputFormat.JSONL);
    assertTrue(fromZst.get(fromZst.size() - 1).endsWith(":cut.jsonl.zst:bad_compression"), fromZst.toString());
    assertEquals(fromZst.size() - 1, fromZst.stream().filter(r -> r.endsWith(":null")).count(), fromZst.toString());
    Path notGzip = dir.resolve("plain.jsonl.gz");
    Files.writeString(notGzip, "{\"id\":\"a\",\"text\":\"x\"}\n");
    assertEquals(List.of("1:plain.jsonl.gz:bad_compression"), read(FileSplit.whole(notGzip.toUri().toString()),
        InputFormat.JSONL));
  }

  @Test
  void fileNamesWithAnyCharacter() throws Exception {
    Path dir = Files.createTempDirectory("names \u00fc");
    for (String name : new String[] {"\u00fc.jsonl", "a b.jsonl", "50%.jsonl", "x[1].jsonl", "c:colon.jsonl",
        "h#sh.jsonl", "q?.jsonl", "st*r.jsonl"}) {
      Path f = dir.resolve(name);
      Files.writeString(f, "{\"id\":\"a\",\"text\":\"x defected\"}\n");
      InputFiles.Listing l = InputFiles.list(dir.toString(), CONF);
      String uri = l.readable().stream().filter(u -> InputFiles.name(u).endsWith("/" + name)).findFirst()
          .orElseThrow(() -> new AssertionError(name + " not listed: " + l.readable()));
      assertEquals(List.of("1:a:null"), read(FileSplit.whole(uri), InputFormat.JSONL), name);
      assertTrue(InputFiles.name(uri).contains("/names \u00fc") && InputFiles.name(uri).endsWith("/" + name),
          InputFiles.name(uri));
      Files.delete(f);
    }
  }

  /**
   * The fast path (ASCII lines parsed from their bytes) and the strict path (decoded, then parsed) give the same
   * record or reject for any line: random bytes around JSON objects, UTF-16 (both orders) included.
   */
  @Test
  void theFastAndStrictJsonPathsAgreeOnAnyBytes() {
    Random rnd = new Random(11);
    String[] pieces = {"{", "}", "\"id\"", "\"text\"", ":", ",", "\"a\"", "\"x defected\"", "1", "null", " ", "[",
        "]", "\"published\"", "\"2020-01-02\"", "garbage", "\\u0000", "\"\\n\"", "true", "{\"k\":1}"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int n = rnd.nextInt(12);
      if (rnd.nextInt(3) > 0) {
        s.append("{\"id\":\"r\",\"text\":\"t defected\"");
      }
      for (int k = 0; k < n; k++) {
        s.append(pieces[rnd.nextInt(pieces.length)]);
      }
      byte[] line = switch (rnd.nextInt(6)) {
        case 0 -> s.toString().getBytes(StandardCharsets.UTF_16LE);
        case 1 -> s.toString().getBytes(StandardCharsets.UTF_16BE);
        case 2 -> {
          byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
          if (b.length > 0) {
            b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
          }
          yield b;
        }
        default -> s.toString().getBytes(StandardCharsets.UTF_8);
      };
      ParsedRecord fast = V.fromJsonLine("s", 1, line);
      ParsedRecord strict;
      try {
        strict = V.fromJsonLine("s", 1, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(line)).toString());
      } catch (java.nio.charset.CharacterCodingException e) {
        strict = null;
      }
      String label = new String(line, StandardCharsets.ISO_8859_1);
      if (strict == null) {
        assertEquals("invalid_utf8", fast.getReason(), label);
      } else {
        assertEquals(strict.getReason(), fast.getReason(), label);
        assertEquals(strict.getId(), fast.getId(), label);
        assertEquals(strict.getText(), fast.getText(), label);
        assertEquals(strict.getPublished(), fast.getPublished(), label);
      }
    }
  }

  private static byte[] gzip(String s) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
      z.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}

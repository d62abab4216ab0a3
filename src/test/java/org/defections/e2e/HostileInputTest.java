package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.defections.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inputs as real feeds produce them: odd file names (non-ASCII, spaces, %, #, glob characters, colons), damaged
 * compression beside good files, Parquet files of different schemas, CSV rows that break quoting, JSON lines with
 * trailing content or a raw carriage return, UTF-16, white space that is not ASCII, hidden and metadata files,
 * subdirectories and links. Each case checks the exact accounting (run, per reason, per file: read = accepted +
 * rejected + skipped), every reject's file, line and reason, and that the good records are exactly those of a clean
 * input holding only the good articles. Every input is written here.
 */
class HostileInputTest {
  private static final List<String[]> GOOD = BadInputGenerator.GOOD;
  private static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    dir = Files.createTempDirectory("hostile");
  }

  /** What a case must give. */
  private static final class Case {
    final Path in;
    final Path clean;
    final List<String> cleanLines = new ArrayList<>();
    /** Per file name: read, accepted, rejected, skipped. */
    final Map<String, List<Long>> files = new TreeMap<>();
    /** Rejects as "file|position|reason|id". */
    final TreeSet<String> rejects = new TreeSet<>();
    final Map<String, Long> skipped = new TreeMap<>();

    Case(String name) throws Exception {
      in = Files.createDirectories(dir.resolve(name));
      clean = Files.createDirectories(dir.resolve(name + "-clean"));
    }

    void file(String name, long accepted, long rejected) {
      files.put(name, List.of(accepted + rejected, accepted, rejected, 0L));
    }

    void skip(String name, String reason) {
      files.put(name, List.of(1L, 0L, 0L, 1L));
      skipped.merge(reason, 1L, Long::sum);
    }

    void reject(String file, long position, String reason, String id) {
      rejects.add(file + "|" + position + "|" + reason + "|" + id);
    }
  }

  private static String good(String id, int text) throws Exception {
    return BadInputGenerator.line(id, GOOD.get(text)[1], GOOD.get(text)[2]);
  }

  @Test
  void jsonLinesFromAHostileFeed() throws Exception {
    Case c = new Case("jsonl-\u00fc");
    write(c.in.resolve("good \u00fc 1.jsonl"), good("a1", 0) + "\n");
    write(c.in.resolve("x[1].jsonl"), good("a2", 1) + "\n");
    write(c.in.resolve("c:colon.jsonl"), good("a3", 2) + "\n");
    write(c.in.resolve("odd %41#?*.jsonl"), good("a4", 4) + "\n{\"id\":\"m1\"}\n");
    c.file("good \u00fc 1.jsonl", 1, 0);
    c.file("x[1].jsonl", 1, 0);
    c.file("c:colon.jsonl", 1, 0);
    c.file("odd %41#?*.jsonl", 1, 1);
    c.reject("odd %41#?*.jsonl", 2, "missing_text", "m1");
    // two gzip members, the second cut short: the first member's two lines are read, the rest is one reject
    byte[] second = BadInputGenerator.gzip((good("a7", 0) + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(c.in.resolve("trunc.jsonl.gz"), concat(BadInputGenerator.gzip((good("a5", 0) + "\n" + good("a6", 1)
        + "\n").getBytes(StandardCharsets.UTF_8)), Arrays.copyOf(second, 20)));
    c.file("trunc.jsonl.gz", 2, 1);
    c.reject("trunc.jsonl.gz", 3, "bad_compression", "trunc.jsonl.gz");
    Files.write(c.in.resolve("broken.jsonl.bz2"), concat("BZh91AY&SY".getBytes(StandardCharsets.US_ASCII),
        "not bzip2 data at all, just bytes".getBytes(StandardCharsets.US_ASCII)));
    c.file("broken.jsonl.bz2", 0, 1);
    c.reject("broken.jsonl.bz2", 1, "bad_compression", "broken.jsonl.bz2");
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    for (String l : new String[] {good("a8", 2), "{\"id\":\"t1\",\"text\":\"x\"} {\"id\":\"t2\",\"text\":\"y\"}",
        "{\"id\":\"t3\",\"text\":\"a text\"}garbage", "{\"id\":\"cr\",\"text\":\"one\rtwo\"}", "",
        "{\"id\":\"nb\",\"text\":\"\u00a0 \u00a0\u200b\u2003\"}",
        "{\"id\":\"hn\",\"text\":\"<html><body><p>&nbsp;</p></body></html>\"}"}) {
      lines.write((l + "\n").getBytes(StandardCharsets.UTF_8));
    }
    lines.write("{\"id\":\"iu\",\"text\":\"caf".getBytes(StandardCharsets.UTF_8));
    lines.write(0xE9); // Latin-1, not UTF-8
    lines.write("\"}\n".getBytes(StandardCharsets.UTF_8));
    lines.write((good("a9", 4) + "\r\n").getBytes(StandardCharsets.UTF_8));
    Files.write(c.in.resolve("lines.jsonl"), lines.toByteArray());
    c.file("lines.jsonl", 2, 6);
    c.reject("lines.jsonl", 2, "trailing_content", "t1");
    c.reject("lines.jsonl", 3, "trailing_content", "t3");
    c.reject("lines.jsonl", 4, "unparseable_json", null);
    c.reject("lines.jsonl", 6, "empty_text", "nb");
    c.reject("lines.jsonl", 7, "empty_text", "hn");
    c.reject("lines.jsonl", 8, "invalid_utf8", "iu");
    Files.write(c.in.resolve("utf16le.jsonl"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, (good("a10", 0) + "\n"
        + good("a11", 1) + "\n").getBytes(StandardCharsets.UTF_16LE)));
    c.file("utf16le.jsonl", 2, 0);
    Files.write(c.in.resolve("utf16be-nobom.jsonl"), (good("a12", 2) + "\n").getBytes(StandardCharsets.UTF_16BE));
    c.file("utf16be-nobom.jsonl", 0, 1);
    c.reject("utf16be-nobom.jsonl", 1, "unparseable_json", null);
    // entries that are not read, each listed
    write(c.in.resolve(".hidden.jsonl"), good("h1", 0) + "\n");
    write(c.in.resolve("_under.jsonl"), good("h2", 0) + "\n");
    write(Files.createDirectories(c.in.resolve("dirlike.jsonl")).resolve("inner.jsonl"), good("h3", 0) + "\n");
    Files.createSymbolicLink(c.in.resolve("linkdir"), c.in.resolve("dirlike.jsonl"));
    c.skip(".hidden.jsonl", "hidden_file");
    c.skip("_under.jsonl", "metadata_file");
    c.skip("dirlike.jsonl", "directory");
    c.skip("linkdir", "directory");
    Files.createSymbolicLink(c.in.resolve("loop.jsonl"), c.in.resolve("loop.jsonl"));
    c.file("loop.jsonl", 0, 1);
    c.reject("loop.jsonl", 0, "unreadable_file", "loop.jsonl");
    for (String[] g : new String[][] {{"a1", "0"}, {"a2", "1"}, {"a3", "2"}, {"a4", "4"}, {"a5", "0"}, {"a6", "1"},
        {"a8", "2"}, {"a9", "4"}, {"a10", "0"}, {"a11", "1"}}) {
      c.cleanLines.add(good(g[0], Integer.parseInt(g[1])));
    }
    write(c.clean.resolve("clean.jsonl"), String.join("\n", c.cleanLines) + "\n");
    List<String> rejects = check(c);
    assertTrue(rejects.stream().anyMatch(r -> r.contains("loop.jsonl") && r.contains("a link in a loop of links")),
        String.join("\n", rejects));
  }

  @Test
  void csvWithABrokenQuote() throws Exception {
    Case c = new Case("csv");
    String rows = "id,url,published,title,text\n"
        + "c1,,2021-03-12,T1,\"" + GOOD.get(0)[2] + "\"\n"
        + "c2,,2019-11-08,\"T2 \"\"quoted\"\"\",\"" + GOOD.get(1)[2].replace(" and ", " and\n") + "\"\n"
        + "c3,,2016-07-20,T3,\"an unbalanced quote, " + GOOD.get(2)[2] + "\n"
        + "c4,,2019-02-24,T4,\"" + GOOD.get(4)[2] + "\"\n"
        + "c5,,2021-03-12,T5,\"" + GOOD.get(0)[2] + "\"\n"
        + "c6,only,three\n";
    write(c.in.resolve("rows.csv"), rows);
    c.file("rows.csv", 4, 2);
    c.reject("rows.csv", 5, "malformed_csv", null);
    c.reject("rows.csv", 8, "malformed_csv", null);
    String[] lines = rows.split("\n");
    write(c.clean.resolve("rows.csv"), String.join("\n", lines[0], lines[1], lines[2], lines[3], lines[5], lines[6])
        + "\n");
    List<String> rejects = check(c);
    // the raw of the broken row is its line
    assertTrue(rejects.stream().anyMatch(r -> r.contains("\"raw\":\"c3,,2016-07-20,T3,\\\"an unbalanced quote")),
        String.join("\n", rejects));
  }

  @Test
  void parquetFilesOfDifferentSchemas() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Case c = new Case("parquet");
    StructType idText = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
    parquet(spark, c.in.resolve("a.parquet"), idText, List.of(RowFactory.create("p1", GOOD.get(0)[2])));
    StructType all = new StructType().add("id", DataTypes.StringType).add("url", DataTypes.StringType)
        .add("published", DataTypes.StringType).add("title", DataTypes.StringType).add("text", DataTypes.StringType);
    parquet(spark, c.in.resolve("b.parquet"), all, List.of(
        RowFactory.create("p2", "http://example.org/2", GOOD.get(1)[1], "T2", GOOD.get(1)[2]),
        RowFactory.create("p3", null, GOOD.get(2)[1], "T3", GOOD.get(2)[2]),
        RowFactory.create("p4", null, GOOD.get(2)[1], "T4", null)));
    StructType longId = new StructType().add("id", DataTypes.LongType).add("published", DataTypes.StringType)
        .add("text", DataTypes.StringType).add("lang", DataTypes.StringType);
    parquet(spark, c.in.resolve("c[1].parquet"), longId, List.of(RowFactory.create(100L, GOOD.get(4)[1],
        GOOD.get(4)[2], "en")));
    StructType structId = new StructType().add("id", new StructType().add("k", DataTypes.StringType))
        .add("text", DataTypes.StringType);
    parquet(spark, c.in.resolve("d.parquet"), structId, List.of(RowFactory.create(RowFactory.create("k1"),
        GOOD.get(0)[2])));
    c.file("a.parquet", 1, 0);
    c.file("b.parquet", 2, 1);
    c.file("c[1].parquet", 1, 0);
    c.file("d.parquet", 0, 1);
    c.reject("b.parquet", 2, "missing_text", "p4");
    c.reject("d.parquet", 0, "wrong_schema", null);
    c.cleanLines.add(BadInputGenerator.line("p1", null, GOOD.get(0)[2]));
    // the url of b.parquet's p2 is kept too: its record's urls name it
    ObjectNode p2 = (ObjectNode) BadInputGenerator.JSON.readTree(good("p2", 1));
    c.cleanLines.add(BadInputGenerator.JSON.writeValueAsString(p2.put("url", "http://example.org/2")));
    c.cleanLines.add(good("p3", 2));
    c.cleanLines.add(good("100", 4));
    write(c.clean.resolve("clean.jsonl"), String.join("\n", c.cleanLines) + "\n");
    check(c);
    // the dates of the files with a published column are kept: their records have a year
    List<String> records = JobRunner.dump(dir.resolve("parquet-out/defections"));
    assertTrue(records.stream().anyMatch(r -> r.contains("\"article_ids\":[\"p2\"]") && r.contains(
        "\"event_year\":2019")), String.join("\n", records));
  }

  @Test
  void textFilesWithOddNamesAndEncodings() throws Exception {
    Case c = new Case("text-\u00fc");
    write(c.in.resolve("\u00fc.txt"), GOOD.get(0)[2]);
    write(c.in.resolve("nbsp.txt"), "\u00a0\u00a0\n\u2003\u200b");
    Files.write(c.in.resolve("utf16.txt"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        GOOD.get(1)[2].getBytes(StandardCharsets.UTF_16LE)));
    Files.write(c.in.resolve("utf16-nobom.txt"), GOOD.get(2)[2].getBytes(StandardCharsets.UTF_16LE));
    Files.write(c.in.resolve("trunc.txt.gz"), Arrays.copyOf(BadInputGenerator.gzip(GOOD.get(2)[2].getBytes(
        StandardCharsets.UTF_8)), 30));
    write(c.in.resolve("x[2] c:d #%.txt"), GOOD.get(4)[2]);
    c.file("\u00fc.txt", 1, 0);
    c.file("nbsp.txt", 0, 1);
    c.file("utf16.txt", 1, 0);
    c.file("utf16-nobom.txt", 0, 1);
    c.file("trunc.txt.gz", 0, 1);
    c.file("x[2] c:d #%.txt", 1, 0);
    c.reject("nbsp.txt", 1, "empty_text", "nbsp.txt");
    c.reject("utf16-nobom.txt", 1, "binary_content", "utf16-nobom.txt");
    c.reject("trunc.txt.gz", 1, "bad_compression", "trunc.txt.gz");
    write(c.clean.resolve("\u00fc.txt"), GOOD.get(0)[2]);
    write(c.clean.resolve("utf16.txt"), GOOD.get(1)[2]);
    write(c.clean.resolve("x[2] c:d #%.txt"), GOOD.get(4)[2]);
    check(c);
  }

  /** Runs the case and its clean input; returns the rejects table's rows. */
  private static List<String> check(Case c) throws Exception {
    String name = c.in.getFileName().toString();
    Path out = dir.resolve(name + "-out");
    ObjectNode m = JobRunner.run(c.in, out, Map.of("ingest.max-reject-rate", "1"));
    System.out.printf("hostile input %s: counts %s; rejects %s; skipped %s%n", name, m.get("counts"),
        m.get("rejects_by_reason"), m.get("skipped_by_reason"));
    long accepted = c.files.values().stream().mapToLong(f -> f.get(1)).sum();
    long rejected = c.files.values().stream().mapToLong(f -> f.get(2)).sum();
    long skipped = c.files.values().stream().mapToLong(f -> f.get(3)).sum();
    assertEquals(accepted, m.at("/counts/accepted").asLong(), name + ": accepted");
    assertEquals(rejected, m.at("/counts/rejected").asLong(), name + ": rejected");
    assertEquals(skipped, m.at("/counts/skipped").asLong(), name + ": skipped");
    assertEquals(accepted + rejected + skipped, m.at("/counts/read").asLong(), name + ": read");
    Map<String, Long> skippedBy = new TreeMap<>();
    m.get("skipped_by_reason").fields().forEachRemaining(f -> skippedBy.put(f.getKey(), f.getValue().asLong()));
    assertEquals(c.skipped, skippedBy, name + ": skipped by reason");

    Map<String, List<Long>> files = new TreeMap<>();
    for (String l : JobRunner.dump(out.resolve("input_files"))) {
      JsonNode f = BadInputGenerator.JSON.readTree(l);
      files.put(fileName(f.get("source").asText()), List.of(f.get("read").asLong(), f.get("accepted").asLong(),
          f.get("rejected").asLong(), f.get("skipped").asLong()));
    }
    assertEquals(c.files, files, name + ": per file read, accepted, rejected, skipped");

    List<String> rejectRows = JobRunner.dump(out.resolve("rejects"));
    TreeSet<String> rejects = new TreeSet<>();
    for (String l : rejectRows) {
      JsonNode r = BadInputGenerator.JSON.readTree(l);
      rejects.add(fileName(r.get("source").asText()) + "|" + r.get("position").asLong() + "|"
          + r.get("reason").asText() + "|" + (r.get("id").isNull() ? null : r.get("id").asText()));
    }
    assertEquals(c.rejects, rejects, name + ": rejects (file|line|reason|id)");

    Path cleanOut = dir.resolve(name + "-clean-out");
    JobRunner.run(c.clean, cleanOut, Map.of("ingest.max-reject-rate", "1"));
    List<String> records = JobRunner.dump(out.resolve("defections"));
    assertEquals(new TreeSet<>(JobRunner.dump(cleanOut.resolve("defections"))), new TreeSet<>(records), name);
    assertTrue(records.size() >= 2, name + ": the good articles give records: " + records);
    return rejectRows;
  }

  private static String fileName(String source) {
    return source.substring(source.lastIndexOf('/') + 1);
  }

  private static void write(Path file, String content) throws Exception {
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** One Parquet file of these rows at {@code file} (Spark writes a folder; its one part file is moved there). */
  private static void parquet(SparkSession spark, Path file, StructType schema, List<org.apache.spark.sql.Row> rows)
      throws Exception {
    Path tmp = Files.createTempDirectory("pq").resolve("t");
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(tmp.toString());
    try (var parts = Files.list(tmp)) {
      Path part = parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.move(part, file);
    }
  }
}

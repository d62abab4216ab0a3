package org.defections.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes inputs that mix good articles with every kind of bad input the job must survive, in each input format,
 * together with what must come of them: the reject reasons and counts, the records read per file, and a clean input
 * holding only the articles that are valid (after all), in which the job must find exactly the same records.
 * Every text is invented here.
 */
final class BadInputGenerator {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Good articles: id, publication date, text (one is an HTML page, one is German, one a 100,000-char token). */
  static final List<String[]> GOOD = List.of(
      new String[] {"g1", "2021-03-12", "A Belarusian army captain, Ivan Petrenko, defected to Lithuania on Tuesday,"
          + " the Lithuanian border service said."},
      new String[] {"g2", "2019-11-08", "Two North Korean soldiers crossed the military demarcation line and "
          + "defected to South Korea on Friday, Seoul's defence ministry said."},
      new String[] {"g3", "2016-07-20", "Cuban baseball pitcher Luis Ortega defected to the United States during a "
          + "tournament in Miami, his agent said."},
      new String[] {"g4-html", "2018-05-07", "<!DOCTYPE html><html><head><title>Diplomat defects</title>"
          + "<script>alert('defected to Mars')</script><style>p {color: red}</style></head><body>"
          + "<p>Eritrea&#39;s ambassador to Nigeria, Tesfay Gebremariam, has defected and asked for asylum in "
          + "Canada, officials said on Monday.</p><script>document.write('a general defected');</script>"
          + "<p>The embassy declined to comment &amp; closed.</p></body></html>"},
      new String[] {"g5", "2019-02-24", "Venezuelan National Guard sergeant Jose Ramirez deserted and crossed into "
          + "Colombia on Saturday, Colombian migration officials said."},
      new String[] {"g6-de", "2020-06-01", "Der Soldat ist nach S\u00fcdkorea geflohen, teilte das Ministerium mit. "
          + "Die Regierung hat die Flucht best\u00e4tigt und die Armee untersucht den Fall mit der Polizei."},
      new String[] {"g7-long", "2020-06-02", "x".repeat(100_000)},
      new String[] {"g8-oddformat", "August 6, 2012", "Coffee exports rose 4 per cent in March, the ministry said."});

  /** What one generated input must give. */
  static final class Expected {
    final Path input;
    final Path clean;
    final Map<String, Long> reasons = new TreeMap<>();
    /** Records read per file name (a whole-file reject counts one). */
    final Map<String, Long> readPerFile = new TreeMap<>();
    final List<String> kinds = new ArrayList<>();

    Expected(Path input, Path clean) {
      this.input = input;
      this.clean = clean;
    }

    void reject(String kind, String reason) {
      kinds.add(kind + " -> " + reason);
      reasons.merge(reason, 1L, Long::sum);
    }

    void valid(String kind) {
      kinds.add(kind + " -> processed");
    }

    /** A file that is one reject as a whole (written with these bytes; null content: a link to nothing). */
    void rejectedFile(Path file, byte[] content, String kind, String reason) throws IOException {
      if (content == null) {
        Files.createSymbolicLink(file, file.resolveSibling("does-not-exist-" + file.getFileName()));
      } else {
        Files.write(file, content);
      }
      readPerFile.put(file.getFileName().toString(), 1L);
      reject(kind, reason);
    }
  }

  private BadInputGenerator() {}

  static String line(String id, String published, String text) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    if (published != null) {
      n.put("published", published);
    }
    n.put("text", text);
    return JSON.writeValueAsString(n);
  }

  private static String good(int i) throws IOException {
    String[] g = GOOD.get(i);
    return line(g[0], g[1], g[2]);
  }

  /** JSON lines: a directory of files, each good article in a file of its own kind, bad lines mixed in. */
  static Expected jsonLines(Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("jsonl"));
    Expected e = new Expected(in, dir.resolve("jsonl-clean.jsonl"));
    List<String> clean = new ArrayList<>();
    for (int i = 0; i < GOOD.size(); i++) {
      clean.add(good(i));
    }
    Files.write(e.clean, clean, StandardCharsets.UTF_8);

    List<String> mixed = new ArrayList<>();
    mixed.add(good(0));
    mixed.add("{\"id\": \"cut\", \"published\": \"2020-01-01\", \"text\": \"A Malian serg");
    e.reject("truncated JSON", "unparseable_json");
    mixed.add("{\"id\": \"num\", \"text\": 42}");
    e.reject("text of the wrong type", "wrong_type");
    mixed.add("{\"id\": {\"nested\": 1}, \"text\": \"x\"}");
    e.reject("id of the wrong type", "wrong_type");
    mixed.add("{\"id\": \"nt\", \"published\": \"2020-01-01\"}");
    e.reject("missing text", "missing_text");
    mixed.add("{\"text\": \"A soldier defected.\"}");
    e.reject("missing id", "missing_id");
    mixed.add(line("empty", "2020-01-01", ""));
    e.reject("empty text", "empty_text");
    mixed.add(line("blank", "2020-01-01", " \t\n  "));
    e.reject("whitespace-only text", "empty_text");
    mixed.add(line("nul", "2020-01-01", "A pilot\u0000 defected\u0000."));
    e.reject("NUL characters", "binary_content");
    mixed.add(line("g1", "2021-03-13", "The same id with another text: a major defected to Poland."));
    e.reject("duplicate id, different text", "duplicate_id");
    mixed.add(line("slashdate", "06/08/2012", "A colonel defected."));
    e.reject("date in an odd format", "bad_date");
    mixed.add(line("words-date", "next Tuesday-ish", "A colonel defected."));
    e.reject("date in words", "bad_date");
    mixed.add(line("future", "2091-01-01", "A colonel defected to Chile."));
    e.reject("date in the future", "future_date");
    mixed.add("[1, 2, 3]");
    e.reject("a JSON array, not an object", "not_an_object");
    mixed.add("\"just a string\"");
    e.reject("a JSON scalar", "not_an_object");
    for (int i : new int[] {5, 6, 7}) {
      mixed.add(good(i));
      e.valid(GOOD.get(i)[0]);
    }
    write(e, in.resolve("mixed.jsonl"), String.join("\n", mixed) + "\n");

    // a file with a byte-order mark and Windows line endings
    write(e, in.resolve("bom-crlf.jsonl"), "\uFEFF" + good(1) + "\r\n" + good(4) + "\r\n");
    e.valid("byte-order mark");
    e.valid("Windows line endings");
    // gzip-compressed
    byte[] gz = gzip((good(2) + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(in.resolve("compressed.jsonl.gz"), gz);
    e.readPerFile.put("compressed.jsonl.gz", 1L);
    e.valid("gzip-compressed file");
    // an HTML page as the text
    write(e, in.resolve("html.jsonl"), good(3) + "\n");
    e.valid("HTML page with scripts and entities");
    // invalid UTF-8 inside a line (the file's one line)
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("{\"id\": \"latin1\", \"text\": \"caf".getBytes(StandardCharsets.UTF_8));
    b.write(new byte[] {(byte) 0xE9, (byte) 0xFF});
    b.write(" defected\"}\n".getBytes(StandardCharsets.UTF_8));
    e.rejectedFile(in.resolve("encoding.jsonl"), b.toByteArray(), "invalid UTF-8 bytes", "invalid_utf8");
    // a 50 MB article
    write(e, in.resolve("huge.jsonl"), line("huge", "2020-01-01", "defected ".repeat(50 * 1024 * 1024 / 9)) + "\n");
    e.reject("a 50 MB article", "text_too_large");
    e.rejectedFile(in.resolve("empty.jsonl"), new byte[0], "an empty file", "empty_file");
    // a file that cannot be read: a link to nothing (root reads any file, so permissions cannot be relied on)
    e.rejectedFile(in.resolve("gone.jsonl"), null, "an unreadable file (dangling link)", "unreadable_file");
    return e;
  }

  /** A directory of text files: one article per file, the file name is the id. */
  static Expected textFiles(Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("text"));
    Path clean = Files.createDirectories(dir.resolve("text-clean"));
    Expected e = new Expected(in, clean);
    String[] names = {"g1.txt", "g2.txt", "g3.txt.gz", "page.html"};
    int[] goods = {0, 1, 2, 3};
    for (int k = 0; k < names.length; k++) {
      // g2 is hard-wrapped: with Unix line ends in the clean input, Windows ones in the other
      String t = k == 1 ? GOOD.get(1)[2].replace(", ", ",\n") : GOOD.get(goods[k])[2];
      byte[] text = t.getBytes(StandardCharsets.UTF_8);
      Files.write(clean.resolve(names[k]), names[k].endsWith(".gz") ? gzip(text) : text);
      Files.write(in.resolve(names[k]), names[k].endsWith(".gz") ? gzip(text)
          : k == 1 ? t.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8) : text);
      e.readPerFile.put(names[k], 1L);
      e.valid(names[k]);
    }
    e.rejectedFile(in.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13,
        'I', 'H', 'D', 'R', 0, 0}, "a binary file in a text directory", "binary_content");
    e.rejectedFile(in.resolve("latin1.txt"), "Un caf\u00e9 cr\u00e8me, a soldier defected.".getBytes(
        StandardCharsets.ISO_8859_1), "a Latin-1 file", "invalid_utf8");
    e.rejectedFile(in.resolve("zero.txt"), new byte[0], "an empty text file", "empty_file");
    e.rejectedFile(in.resolve("spaces.txt"), "   \n\t\n".getBytes(StandardCharsets.UTF_8),
        "a whitespace-only text file", "empty_text");
    e.rejectedFile(in.resolve("broken.txt.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3},
        "a truncated gzip file", "bad_compression");
    e.rejectedFile(in.resolve("gone.txt"), null, "a dangling link", "unreadable_file");
    return e;
  }

  /** A CSV file with a header, quoted fields with newlines and quotes, and bad rows. */
  static Expected csv(Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("csv"));
    Expected e = new Expected(in.resolve("articles.csv"), dir.resolve("csv-clean.csv"));
    String header = "id,url,published,title,text\n";
    String g1 = "g1,,2021-03-12,T,\"" + GOOD.get(0)[2] + "\"\n";
    String g2 = "g2,,2019-11-08,T,\"Two North Korean soldiers crossed the military demarcation line\nand defected "
        + "to South Korea on Friday, \"\"Seoul's defence ministry\"\" said.\"\n";
    Files.writeString(e.clean, header + g1 + g2, StandardCharsets.UTF_8);
    Files.writeString(e.input, header + g1 + "c-empty,,2020-01-01,T,\"\"\n" + g2
        + "c-date,,yesterday,T,A colonel defected.\n" + "c-short,only two fields\n", StandardCharsets.UTF_8);
    e.readPerFile.put("articles.csv", 5L);
    e.valid("quoted newlines and quotes");
    e.reject("an empty quoted text", "missing_text");
    e.reject("a bad date", "bad_date");
    e.reject("a row with too few fields", "malformed_csv");
    return e;
  }

  /** A Parquet directory: a file with the expected columns and a file with a wrong schema. */
  static Expected parquet(Path dir, SparkSession spark) throws IOException {
    Path in = dir.resolve("parquet");
    Path clean = dir.resolve("parquet-clean");
    Expected e = new Expected(in, clean);
    StructType schema = new StructType().add("id", DataTypes.StringType).add("published", DataTypes.StringType)
        .add("text", DataTypes.StringType);
    var good = List.of(RowFactory.create("g1", GOOD.get(0)[1], GOOD.get(0)[2]),
        RowFactory.create("g5", GOOD.get(4)[1], GOOD.get(4)[2]), RowFactory.create("p-null", null, null));
    spark.createDataFrame(good, schema).coalesce(1).write().parquet(clean.toString());
    spark.createDataFrame(good, schema).coalesce(1).write().parquet(in.resolve("part-a").toString());
    spark.createDataFrame(List.of(RowFactory.create("x", 1), RowFactory.create("y", 2)), new StructType()
        .add("name", DataTypes.StringType).add("n", DataTypes.IntegerType)).coalesce(1).write()
        .parquet(in.resolve("part-b").toString());
    // one input directory holding both files
    Files.createDirectories(in);
    for (String part : List.of("part-a", "part-b")) {
      try (var files = Files.list(in.resolve(part))) {
        for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
          Files.move(f, in.resolve(part + ".parquet"));
        }
      }
      try (var rest = Files.walk(in.resolve(part))) {
        rest.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    e.readPerFile.put("part-a.parquet", 3L);
    e.readPerFile.put("part-b.parquet", 2L);
    e.valid("Parquet with the declared columns");
    e.reject("a row without text", "missing_text");
    e.reject("Parquet with a wrong schema (row 1)", "wrong_schema");
    e.reject("Parquet with a wrong schema (row 2)", "wrong_schema");
    return e;
  }

  private static void write(Expected e, Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    long lines = content.lines().filter(l -> !l.isBlank()).count();
    e.readPerFile.put(file.getFileName().toString(), lines);
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }

  /** Kinds of input covered, for the test's report. */
  static Map<String, List<String>> kinds(Map<String, Expected> all) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    all.forEach((k, v) -> out.put(k, v.kinds));
    return out;
  }
}

package org.defections.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.defections.SparkTestSession;
import org.junit.jupiter.api.Test;

/** Each input format through the real Spark reader, with each kind of bad record it can hold. */
class ArticleReaderTest {
  private final SparkSession spark = SparkTestSession.get();
  private final ArticleReader reader = new ArticleReader(spark, 200);

  private static Map<String, Long> reasons(ArticleReader.Ingested in) {
    return in.rejects().collectAsList().stream()
        .collect(Collectors.groupingBy(ParsedRecord::getReason, TreeMap::new, Collectors.counting()));
  }

  private static List<String> ids(ArticleReader.Ingested in) {
    return in.articles().collectAsList().stream().map(Article::getId).sorted().collect(Collectors.toList());
  }

  @Test
  void jsonLinesWithEveryKindOfBadLine() throws Exception {
    Path f = Files.createTempDirectory("jsonl").resolve("a.jsonl");
    Files.write(f, List.of(
        "{\"id\":\"ok1\",\"published\":\"2012-07-19\",\"text\":\"A soldier defected.\"}",
        "{\"id\":\"ok2\",\"text\":\"Another story.\"}",
        "", "   ", " \t ", // blank lines are no records: neither articles nor rejects
        "{\"id\":\"cut\",\"text\":\"A Malian serg",
        "{\"text\":\"no id\"}",
        "{\"id\":\"nt\"}",
        "{\"id\":\"blank\",\"text\":\"   \"}",
        "{\"id\":\"date\",\"published\":\"next Tuesday-ish\",\"text\":\"x\"}",
        "{\"id\":\"big\",\"text\":\"" + "word ".repeat(60) + "\"}",
        "{\"id\":\"ok1\",\"text\":\"the same id again\"}",
        "[1, 2, 3]"), StandardCharsets.UTF_8);
    ArticleReader.Ingested in = reader.read(f.toString(), InputFormat.AUTO);
    assertEquals(InputFormat.JSONL, in.format());
    assertEquals(List.of("ok1", "ok2"), ids(in));
    Map<String, Long> expected = new TreeMap<>(Map.of("unparseable_json", 1L, "missing_id", 1L, "missing_text", 1L,
        "empty_text", 1L, "bad_date", 1L, "text_too_large", 1L, "duplicate_id", 1L, "not_an_object", 1L));
    assertEquals(expected, reasons(in));
    assertEquals(List.of("not a blank", "\t{}"), java.util.stream.Stream.of("not a blank", "", " \r", "\t{}")
        .filter(l -> !RecordValidator.isBlank(l.getBytes(StandardCharsets.UTF_8))).toList());
  }

  @Test
  void duplicateIdsKeepTheFirstRecordWhetherMarkedFromABroadcastTableOrByAShuffle() throws Exception {
    Path dir = Files.createTempDirectory("dups");
    Files.write(dir.resolve("a.jsonl"), List.of("{\"id\":\"x\",\"text\":\"first x\"}",
        "{\"id\":\"y\",\"text\":\"only y\"}", "{\"id\":\"x\",\"text\":\"second x\"}",
        "{\"id\":\"z\",\"text\":\"\"}", "{\"id\":\"z\",\"text\":\"z after an empty z\"}"));
    Files.write(dir.resolve("b.jsonl"), List.of("{\"id\":\"x\",\"text\":\"third x, other file\"}"));
    for (int maxBroadcast : new int[] {ArticleReader.MAX_BROADCAST_DUPLICATES, 0}) {
      ArticleReader.Ingested in = new ArticleReader(spark, 200, maxBroadcast).read(dir.toString(), InputFormat.JSONL);
      Map<String, String> texts = in.articles().collectAsList().stream()
          .collect(Collectors.toMap(Article::getId, Article::getText, (a, b) -> a + " | " + b, TreeMap::new));
      // an empty record does not take the id: its reject is empty_text, and the next z is the article
      assertEquals(Map.of("x", "first x", "y", "only y", "z", "z after an empty z"), texts, "max " + maxBroadcast);
      assertEquals(Map.of("duplicate_id", 2L, "empty_text", 1L), reasons(in), "max " + maxBroadcast);
      assertEquals(List.of("second x", "third x, other file"), in.rejects().collectAsList().stream()
          .filter(r -> r.getReason().equals("duplicate_id")).map(ParsedRecord::getRaw).sorted().toList());
      in.release();
    }
  }

  @Test
  void repeatedIdsAreToldFromTheirHashes() {
    StructType schema = new StructType().add("id", DataTypes.StringType);
    java.util.function.Function<List<String>, Dataset<Row>> ids = l -> spark.createDataFrame(l.stream()
        .map(i -> RowFactory.create(i)).collect(Collectors.toList()), schema).repartition(3);
    assertEquals(false, ArticleReader.hasRepeatedHashes(ids.apply(List.of())));
    List<String> unique = java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "id-" + i).toList();
    assertEquals(false, ArticleReader.hasRepeatedHashes(ids.apply(unique)));
    List<String> repeated = new java.util.ArrayList<>(unique);
    repeated.add("id-4321");
    assertEquals(true, ArticleReader.hasRepeatedHashes(ids.apply(repeated)));
  }

  @Test
  void directoryOfTextFiles() throws Exception {
    Path dir = Files.createTempDirectory("txt");
    Files.writeString(dir.resolve("story-1.txt"), "A Cuban pilot defected to the United States.\n");
    Files.writeString(dir.resolve("story-2.txt"), "Markets were calm.\n");
    Files.write(dir.resolve("empty.txt"), new byte[0]);
    Files.write(dir.resolve("latin1.txt"), "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
    Files.write(dir.resolve("blob.txt"), new byte[] {'a', 0, 'b', 0, 'c'});
    ArticleReader.Ingested in = reader.read(dir.toString(), InputFormat.AUTO);
    assertEquals(InputFormat.TEXT, in.format());
    assertEquals(List.of("story-1.txt", "story-2.txt"), ids(in));
    assertEquals(Map.of("binary_content", 1L, "empty_file", 1L, "invalid_utf8", 1L), reasons(in));
    assertTrue(in.articles().collectAsList().stream().allMatch(a -> a.getPublished() == null));
  }

  @Test
  void csvWithHeaderQuotedNewlinesAndBadRows() throws Exception {
    Path f = Files.createTempDirectory("csv").resolve("a.csv");
    Files.writeString(f, "id,url,published,title,text\n"
        + "c1,http://x/1,2015-06-06,Title,\"A North Korean soldier defected.\nHe crossed the line, officials said.\"\n"
        + "c2,,2015-06-07,T,\"\"\n"
        + "c3,,not a date,T,Some text\n"
        + "c4,,2015-06-08,T,\"Quoted \"\"words\"\" inside\"\n", StandardCharsets.UTF_8);
    ArticleReader.Ingested in = reader.read(f.toString(), InputFormat.AUTO);
    assertEquals(InputFormat.CSV, in.format());
    assertEquals(List.of("c1", "c4"), ids(in));
    assertEquals(Map.of("bad_date", 1L, "missing_text", 1L), reasons(in)); // "" is no value, as in Spark
    Article c1 = in.articles().collectAsList().stream().filter(a -> a.getId().equals("c1")).findFirst().orElseThrow();
    assertTrue(c1.getText().contains("\nHe crossed the line"));
  }

  @Test
  void parquetWithTheDeclaredColumnsAndAWrongSchema() throws Exception {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("published", DataTypes.StringType)
        .add("text", DataTypes.StringType);
    Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create("p1", "2011-02-22", "Libyan pilots fled."),
        RowFactory.create("p2", null, null)), schema);
    Path good = Files.createTempDirectory("pq").resolve("good.parquet");
    df.write().parquet(good.toString());
    ArticleReader.Ingested in = reader.read(good.toString(), InputFormat.AUTO);
    assertEquals(InputFormat.PARQUET, in.format());
    assertEquals(List.of("p1"), ids(in));
    assertEquals(Map.of("missing_text", 1L), reasons(in));

    Path bad = Files.createTempDirectory("pq").resolve("bad.parquet");
    spark.createDataFrame(List.of(RowFactory.create("x", 1)), new StructType().add("name", DataTypes.StringType)
        .add("n", DataTypes.IntegerType)).write().parquet(bad.toString());
    // a file without id and text: each of its rows is a wrong_schema reject naming the columns found
    ArticleReader.Ingested wrong = reader.read(bad.toString(), InputFormat.PARQUET);
    assertEquals(Map.of("wrong_schema", 1L), reasons(wrong));
    ParsedRecord r = wrong.rejects().collectAsList().get(0);
    assertTrue(r.getDetail().contains("name") && r.getDetail().contains("expected the columns id and text"), r.getDetail());
    assertEquals("{\"name\":\"x\",\"n\":1}", r.getRaw());
  }
}

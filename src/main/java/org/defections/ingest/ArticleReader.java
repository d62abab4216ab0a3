package org.defections.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The ingest stage: reads an input path in one of the {@link InputFormat}s into {@link ParsedRecord}s, marks
 * duplicate ids (the first occurrence, by source and position, is kept) and splits accepted articles from rejects.
 * Every input record ends up in exactly one of the two outputs.
 */
public final class ArticleReader {
  static final String DUPLICATE_ID = "duplicate_id";
  static final String DUPLICATE_DETAIL = "an earlier record has this id";
  /** Repeated ids up to which duplicates are marked from a broadcast table rather than by a shuffle. */
  static final int MAX_BROADCAST_DUPLICATES = 200_000;
  private final SparkSession spark;
  private final RecordValidator validator;
  private final int maxBroadcastDuplicates;

  public ArticleReader(SparkSession spark, int maxTextChars) {
    this(spark, maxTextChars, MAX_BROADCAST_DUPLICATES);
  }

  ArticleReader(SparkSession spark, int maxTextChars, int maxBroadcastDuplicates) {
    this.spark = spark;
    this.validator = new RecordValidator(maxTextChars);
    this.maxBroadcastDuplicates = maxBroadcastDuplicates;
  }

  /** Accepted articles and rejects of one read. */
  public static final class Ingested {
    private final Dataset<ParsedRecord> all;
    private final Dataset<Article> articles;
    private final Dataset<ParsedRecord> rejects;
    private final InputFormat format;
    private final Dataset<ParsedRecord> parsed;

    Ingested(Dataset<ParsedRecord> all, InputFormat format, Dataset<ParsedRecord> parsed) {
      this.all = all;
      this.format = format;
      this.parsed = parsed;
      articles = all.filter(functions.col("reason").isNull())
          .select(functions.col("id"), functions.col("url"), functions.col("published"), functions.col("title"),
              functions.col("text"), functions.col("source"), functions.lit(null).cast("string").as("language"))
          .as(Encoders.bean(Article.class));
      rejects = all.filter(functions.col("reason").isNotNull());
    }

    /** Accepted articles (the same Dataset on every call). */
    public Dataset<Article> articles() {
      return articles;
    }

    public Dataset<ParsedRecord> rejects() {
      return rejects;
    }

    public InputFormat format() {
      return format;
    }

    /** Every record read, parsed (cached): one per line, row or file. */
    public Dataset<ParsedRecord> parsed() {
      return parsed;
    }

    /** Per input file: {@code source, read, accepted, rejected} (read = accepted + rejected for every file). */
    public Dataset<Row> byFile() {
      Column ok = functions.col("reason").isNull();
      return all.groupBy("source").agg(functions.count(functions.lit(1)).as("read"),
          functions.sum(functions.when(ok, 1).otherwise(0)).as("accepted"),
          functions.sum(functions.when(ok, 0).otherwise(1)).as("rejected")).orderBy("source");
    }

    /** Drops the cached parse; call once the articles are scanned and the rejects written. */
    public void release() {
      parsed.unpersist();
    }
  }

  public Ingested read(String input, InputFormat requested) {
    InputFormat format = requested == InputFormat.AUTO ? detect(input) : requested;
    InputFiles.Listing listing = InputFiles.list(input, spark.sparkContext().hadoopConfiguration());
    String[] files = listing.readable().toArray(new String[0]);
    Dataset<ParsedRecord> parsed = spark.createDataset(listing.rejects(), Encoders.bean(ParsedRecord.class));
    if (files.length > 0) {
      Dataset<ParsedRecord> read;
      switch (format) {
        case TEXT:
          read = readText(files);
          break;
        case JSONL:
          read = readJsonLines(files);
          break;
        case CSV:
          read = readCsv(files);
          break;
        case PARQUET:
          read = readParquet(files);
          break;
        default:
          throw new IllegalArgumentException("unsupported format " + format);
      }
      parsed = read.union(parsed);
    }
    // parsed once: the duplicate check, the articles and the rejects all read this copy (released by the caller)
    parsed = parsed.persist(StorageLevel.MEMORY_AND_DISK());
    return new Ingested(markDuplicates(parsed), format, parsed);
  }

  /**
   * Marks every accepted record whose id an earlier record (by source, then position) already has as
   * {@code duplicate_id}. The ids seen more than once are found from the ids alone; when there are at most
   * {@code maxBroadcastDuplicates} of them they go to the executors as a broadcast table and the records are marked
   * where they are, otherwise the records are ranked by a window over their ids (a shuffle of the whole input).
   */
  Dataset<ParsedRecord> markDuplicates(Dataset<ParsedRecord> parsed) {
    Dataset<Row> firsts = parsed.filter(functions.col("reason").isNull()).groupBy("id")
        .agg(functions.count(functions.lit(1)).as("n"),
            functions.min(functions.struct(functions.col("source"), functions.col("position"))).as("first"))
        .filter(functions.col("n").gt(1)).select(functions.col("id"), functions.col("first.source"),
            functions.col("first.position"));
    long repeated = firsts.count();
    if (repeated == 0) {
      return parsed;
    }
    if (repeated <= maxBroadcastDuplicates) {
      java.util.HashMap<String, String> first = new java.util.HashMap<>();
      for (Row r : firsts.collectAsList()) { // at most maxBroadcastDuplicates small rows
        first.put(r.getString(0), r.getString(1) + '\u0000' + r.getLong(2));
      }
      org.apache.spark.broadcast.Broadcast<java.util.HashMap<String, String>> b = spark.sparkContext().broadcast(
          first, scala.reflect.ClassTag$.MODULE$.apply(java.util.HashMap.class));
      return parsed.map((org.apache.spark.api.java.function.MapFunction<ParsedRecord, ParsedRecord>) r -> {
        String f = r.getReason() == null ? b.value().get(r.getId()) : null;
        if (f != null && !f.equals(r.getSource() + '\u0000' + r.getPosition())) {
          return ParsedRecord.reject(r.getSource(), r.getPosition(), r.getId(), DUPLICATE_ID, DUPLICATE_DETAIL,
              RecordValidator.head(r.getText()));
        }
        return r;
      }, Encoders.bean(ParsedRecord.class));
    }
    // ranked among the accepted records only: a rejected record does not take the id
    Column rank = functions.row_number().over(Window.partitionBy(functions.col("id"),
        functions.col("reason").isNull()).orderBy(functions.col("source"), functions.col("position")));
    Dataset<Row> ranked = parsed.withColumn("_n", functions.when(functions.col("reason").isNull(), rank));
    Column dup = functions.col("_n").gt(1);
    return ranked
        .withColumn("reason", functions.when(dup, functions.lit(DUPLICATE_ID)).otherwise(functions.col("reason")))
        .withColumn("detail", functions.when(dup, functions.lit(DUPLICATE_DETAIL)).otherwise(functions.col("detail")))
        .withColumn("raw", functions.when(dup, functions.substring(functions.col("text"), 1,
            RecordValidator.RAW_LIMIT))
            .otherwise(functions.col("raw")))
        .drop("_n").as(Encoders.bean(ParsedRecord.class));
  }

  /** Picks the format of a path: by the extensions of its files, else by the first bytes. */
  public InputFormat detect(String input) {
    try {
      Path p = new Path(input);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw new IllegalArgumentException("input " + input + " does not exist");
      }
      List<Path> files = new ArrayList<>();
      if (fs.getFileStatus(p).isDirectory()) {
        for (FileStatus st : fs.listStatus(p)) {
          if (st.isFile() && !st.getPath().getName().startsWith(".") && !st.getPath().getName().startsWith("_")) {
            files.add(st.getPath());
          }
        }
      } else {
        files.add(p);
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException("input " + input + " holds no files");
      }
      InputFormat byExt = null;
      for (Path f : files) {
        InputFormat e = byExtension(f.getName());
        if (e != null && byExt == null) {
          byExt = e;
        }
      }
      if (byExt != null) {
        return byExt;
      }
      try (InputStream in = fs.open(files.get(0))) {
        byte[] head = in.readNBytes(4);
        if (head.length == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
          return InputFormat.PARQUET;
        }
        if (head.length > 0 && head[0] == '{') {
          return InputFormat.JSONL;
        }
      }
      if (fs.getFileStatus(p).isDirectory()) {
        return InputFormat.TEXT;
      }
      throw new IllegalArgumentException("cannot tell the format of " + input
          + ": use --format text|jsonl|csv|parquet");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect input " + input, e);
    }
  }

  private static InputFormat byExtension(String name) {
    // compressed files are read through Hadoop's codecs: "articles.jsonl.gz" is JSON lines
    String n = name.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|bz2|deflate|zst|lz4|snappy)$", "");
    if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) {
      return InputFormat.JSONL;
    }
    if (n.endsWith(".csv")) {
      return InputFormat.CSV;
    }
    if (n.endsWith(".parquet")) {
      return InputFormat.PARQUET;
    }
    if (n.endsWith(".txt")) {
      return InputFormat.TEXT;
    }
    return null;
  }

  private Dataset<ParsedRecord> readText(String[] files) {
    RecordValidator v = validator;
    Dataset<Row> read = spark.read().format("binaryFile").load(files).select("path", "content");
    return read.map((org.apache.spark.api.java.function.MapFunction<Row, ParsedRecord>) r ->
        v.fromTextFile(InputFiles.name(r.getString(0)), (byte[]) r.get(1)), Encoders.bean(ParsedRecord.class));
  }

  private Dataset<ParsedRecord> readJsonLines(String[] files) {
    RecordValidator v = validator;
    Dataset<Row> lines = spark.read().text(files)
        .withColumn("source", functions.input_file_name())
        .withColumn("position", functions.monotonically_increasing_id())
        .filter(functions.length(functions.trim(functions.col("value"))).gt(0));
    // the line's bytes as read (a string column cast to binary keeps them): malformed UTF-8 is caught, not replaced
    return lines.select(functions.col("value").cast("binary"), functions.col("source"), functions.col("position"))
        .map((org.apache.spark.api.java.function.MapFunction<Row, ParsedRecord>) r ->
            v.fromJsonLine(InputFiles.name(r.getString(1)), r.getLong(2), (byte[]) r.get(0)),
            Encoders.bean(ParsedRecord.class));
  }

  private Dataset<ParsedRecord> readCsv(String[] files) {
    RecordValidator v = validator;
    StructType schema = new StructType().add("id", DataTypes.StringType).add("url", DataTypes.StringType)
        .add("published", DataTypes.StringType).add("title", DataTypes.StringType).add("text", DataTypes.StringType)
        .add("_corrupt_record", DataTypes.StringType);
    Dataset<Row> rows = spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
        .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "_corrupt_record")
        .option("enforceSchema", "false").schema(schema).csv(files)
        .withColumn("source", functions.input_file_name())
        .withColumn("position", functions.monotonically_increasing_id());
    return rows.map((org.apache.spark.api.java.function.MapFunction<Row, ParsedRecord>) r -> {
      String corrupt = r.getString(5);
      String source = InputFiles.name(r.getString(6));
      if (corrupt != null) {
        return ParsedRecord.reject(source, r.getLong(7), r.getString(0), "malformed_csv",
            "the row does not have the header's columns", corrupt);
      }
      return v.fromFields(source, r.getLong(7), r.getString(0), r.getString(1), r.getString(2),
          r.getString(3), r.getString(4), r.getString(0) + "," + r.getString(3));
    }, Encoders.bean(ParsedRecord.class));
  }

  /**
   * Parquet files: those whose schema has string-compatible {@code id} and {@code text} columns are read together;
   * every row of a file without them is a {@code wrong_schema} reject (the run fails only through the reject rate).
   */
  private Dataset<ParsedRecord> readParquet(String[] files) {
    List<String> good = new ArrayList<>();
    Dataset<ParsedRecord> bad = null;
    for (String f : files) {
      Dataset<Row> file = spark.read().parquet(f);
      StructType fileSchema = file.schema();
      List<String> names = java.util.Arrays.asList(fileSchema.fieldNames());
      if (names.contains("id") && names.contains("text")) {
        good.add(f);
        continue;
      }
      String detail = "the file's columns are " + fileSchema.simpleString() + "; expected id, text (and url, "
          + "published, title)";
      String source = InputFiles.name(f);
      Dataset<ParsedRecord> rows = file.toJSON().withColumn("position", functions.monotonically_increasing_id())
          .map((org.apache.spark.api.java.function.MapFunction<Row, ParsedRecord>) r -> ParsedRecord.reject(source,
              r.getLong(1), null, "wrong_schema", detail, RecordValidator.head(r.getString(0))),
              Encoders.bean(ParsedRecord.class));
      bad = bad == null ? rows : bad.union(rows);
    }
    if (good.isEmpty()) {
      return bad;
    }
    Dataset<ParsedRecord> read = readParquetRows(good.toArray(new String[0]));
    return bad == null ? read : read.union(bad);
  }

  private Dataset<ParsedRecord> readParquetRows(String[] files) {
    RecordValidator v = validator;
    Dataset<Row> rows = spark.read().parquet(files);
    List<String> cols = java.util.Arrays.asList(rows.columns());
    Column published = cols.contains("published") ? functions.col("published").cast("string")
        : cols.contains("date") ? functions.col("date").cast("string") : functions.lit(null).cast("string");
    Dataset<Row> sel = rows.select(functions.col("id").cast("string").as("id"),
        (cols.contains("url") ? functions.col("url").cast("string") : functions.lit(null).cast("string")).as("url"),
        published.as("published"),
        (cols.contains("title") ? functions.col("title").cast("string") : functions.lit(null).cast("string"))
            .as("title"),
        functions.col("text").cast("string").as("text"), functions.input_file_name().as("source"),
        functions.monotonically_increasing_id().as("position"));
    return sel.map((org.apache.spark.api.java.function.MapFunction<Row, ParsedRecord>) r ->
        v.fromFields(InputFiles.name(r.getString(5)), r.getLong(6), r.getString(0), r.getString(1), r.getString(2),
            r.getString(3), r.getString(4), r.getString(0)), Encoders.bean(ParsedRecord.class));
  }
}

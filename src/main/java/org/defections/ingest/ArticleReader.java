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
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
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
    private final Dataset<Article> articles;
    private final Dataset<ParsedRecord> rejects;
    private final InputFormat format;
    private final Dataset<ParsedRecord> parsed;

    Ingested(Dataset<ParsedRecord> all, InputFormat format, Dataset<ParsedRecord> parsed) {
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

    /** Drops the cached parse; call once the articles are scanned and the rejects written. */
    public void release() {
      parsed.unpersist();
    }
  }

  /**
   * Turns one raw input row into a parsed record, or null when the row is no record at all (a blank line);
   * serializable: it runs on the executors.
   */
  public interface RowParser extends java.util.function.Function<Row, ParsedRecord>, java.io.Serializable {}

  /** Raw rows of one kind of input and how each becomes a {@link ParsedRecord}. */
  record Piece(Dataset<Row> rows, RowParser parser) {}

  /**
   * An input, ready to be parsed (nothing read yet) and the format it is read as. {@link #mapRecords} parses each
   * record and hands it straight to the caller's function in the same pass: the text is decoded once, never encoded
   * into an intermediate Dataset.
   */
  public static final class Parsed {
    private final List<Piece> pieces;
    private final InputFormat format;

    Parsed(List<Piece> pieces, InputFormat format) {
      this.pieces = pieces;
      this.format = format;
    }

    public InputFormat format() {
      return format;
    }

    /** {@code then} over the parsed records (duplicate ids not marked), partition by partition. */
    public <T> Dataset<T> mapRecords(MapPartitionsFunction<ParsedRecord, T> then, Encoder<T> encoder) {
      Dataset<T> out = null;
      for (Piece piece : pieces) {
        Dataset<T> d = piece.rows().mapPartitions(parsedThen(piece.parser(), then), encoder);
        out = out == null ? d : out.union(d);
      }
      return out;
    }

    /**
     * Row parsing and then {@code then}, as one partition function (static: it must not hold this object). Rows the
     * parser returns null for are not records (blank lines) and are skipped.
     */
    private static <T> MapPartitionsFunction<Row, T> parsedThen(RowParser parser,
        MapPartitionsFunction<ParsedRecord, T> then) {
      return rows -> then.call(new java.util.Iterator<ParsedRecord>() {
        private ParsedRecord next;

        @Override
        public boolean hasNext() {
          while (next == null && rows.hasNext()) {
            next = parser.apply(rows.next());
          }
          return next != null;
        }

        @Override
        public ParsedRecord next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          ParsedRecord r = next;
          next = null;
          return r;
        }
      });
    }

    /** The parsed records themselves (lazy, not cached). */
    public Dataset<ParsedRecord> records() {
      return mapRecords(it -> it, Encoders.bean(ParsedRecord.class));
    }
  }

  /**
   * Every record of {@code input}, to be parsed and checked (duplicate ids not yet marked), unreadable and empty
   * files as whole-file rejects; lazy. The job parses it once, in its scan ({@code CandidateSelection.scan});
   * {@link #read} caches the parse.
   */
  public Parsed parse(String input, InputFormat requested) {
    InputFormat format = requested == InputFormat.AUTO ? detect(input) : requested;
    InputFiles.Listing listing = InputFiles.list(input, spark.sparkContext().hadoopConfiguration());
    String[] files = listing.readable().toArray(new String[0]);
    List<Piece> pieces = new ArrayList<>();
    if (files.length > 0) {
      switch (format) {
        case TEXT:
          pieces.add(readText(files));
          break;
        case JSONL:
          pieces.add(readJsonLines(files));
          break;
        case CSV:
          pieces.add(readCsv(files));
          break;
        case PARQUET:
          pieces.addAll(readParquet(files));
          break;
        default:
          throw new IllegalArgumentException("unsupported format " + format);
      }
    }
    // the whole-file rejects of the listing (few): row i is reject i
    List<ParsedRecord> listed = new ArrayList<>(listing.rejects());
    if (!listed.isEmpty() || pieces.isEmpty()) {
      pieces.add(new Piece(spark.range(listed.size()).toDF(), r -> listed.get((int) r.getLong(0))));
    }
    return new Parsed(pieces, format);
  }

  /** Parsed records, cached, with duplicate ids marked: for readers of whole articles (tests, the benchmark). */
  public Ingested read(String input, InputFormat requested) {
    Parsed p = parse(input, requested);
    // parsed once: the duplicate check, the articles and the rejects all read this copy (released by the caller)
    Dataset<ParsedRecord> parsed = p.records().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<ParsedRecord> marked = markDuplicates(parsed.toDF(), functions.substring(functions.col("text"), 1,
        RecordValidator.RAW_LIMIT)).as(Encoders.bean(ParsedRecord.class));
    return new Ingested(marked, p.format(), parsed);
  }

  /**
   * Marks every accepted record (columns {@code id, source, position, reason, detail, raw}) whose id an earlier
   * record (by source, then position) already has as {@code duplicate_id}, with {@code rawOfDuplicate} as its raw
   * value; the columns stay as they were. The ids seen more than once are found from the ids alone (first from
   * their 64-bit hashes: without a repeated hash, the records are returned as they are); when there are
   * at most {@code maxBroadcastDuplicates} of them they go to the executors as a broadcast table and the records are
   * marked where they are, otherwise the records are ranked by a window over their ids (a shuffle of the input).
   */
  public Dataset<Row> markDuplicates(Dataset<Row> records, Column rawOfDuplicate) {
    Dataset<Row> accepted = records.filter(functions.col("reason").isNull());
    if (!hasRepeatedHashes(accepted)) {
      return records;
    }
    Dataset<Row> firsts = accepted.groupBy("id")
        .agg(functions.count(functions.lit(1)).as("n"),
            functions.min(functions.struct(functions.col("source"), functions.col("position"))).as("first"))
        .filter(functions.col("n").gt(1)).select(functions.col("id").as("_dup_id"),
            functions.col("first.source").as("_first_source"), functions.col("first.position").as("_first_position"));
    long repeated = firsts.count();
    if (repeated == 0) {
      return records;
    }
    Column dup;
    Dataset<Row> marked;
    if (repeated <= maxBroadcastDuplicates) {
      marked = records.join(functions.broadcast(firsts), records.col("id").equalTo(firsts.col("_dup_id")), "left");
      dup = functions.col("reason").isNull().and(functions.col("_dup_id").isNotNull())
          .and(functions.not(functions.col("source").equalTo(functions.col("_first_source"))
              .and(functions.col("position").equalTo(functions.col("_first_position")))));
    } else {
      // ranked among the accepted records only: a rejected record does not take the id
      Column rank = functions.row_number().over(Window.partitionBy(functions.col("id"),
          functions.col("reason").isNull()).orderBy(functions.col("source"), functions.col("position")));
      marked = records.withColumn("_n", functions.when(functions.col("reason").isNull(), rank));
      dup = functions.coalesce(functions.col("_n").gt(1), functions.lit(false));
    }
    List<Column> cols = new ArrayList<>();
    for (String c : records.columns()) {
      switch (c) {
        case "reason":
          cols.add(functions.when(dup, functions.lit(DUPLICATE_ID)).otherwise(functions.col(c)).as(c));
          break;
        case "detail":
          cols.add(functions.when(dup, functions.lit(DUPLICATE_DETAIL)).otherwise(functions.col(c)).as(c));
          break;
        case "raw":
          cols.add(functions.when(dup, rawOfDuplicate).otherwise(functions.col(c)).as(c));
          break;
        default:
          cols.add(functions.col(c));
      }
    }
    return marked.select(cols.toArray(new Column[0]));
  }

  /**
   * Whether two of the records (column {@code id}) may share an id: the common case, none, is told from 64-bit hashes
   * of the ids, shuffled as plain longs and sorted per partition (an aggregation keyed by millions of distinct values
   * would cost several times more). A repeated hash is a repeated id or, at odds of about n²/2⁶⁵, a collision; the
   * caller's exact check settles it.
   */
  static boolean hasRepeatedHashes(Dataset<Row> records) {
    return anyHashRepeats(records.select(functions.xxhash64(functions.col("id")).as("h")).as(Encoders.LONG()));
  }

  /** Whether a 64-bit hash occurs twice among {@code hashes} (see {@link #hasRepeatedHashes(Dataset)}). */
  public static boolean anyHashRepeats(Dataset<Long> hashes) {
    // about two input partitions' ids per sort: a few MB of longs
    int partitions = Math.max(hashes.sparkSession().sparkContext().defaultParallelism(),
        hashes.javaRDD().getNumPartitions() / 2);
    Dataset<Long> repeated = hashes.toDF("h").repartition(partitions, functions.col("h")).as(Encoders.LONG())
        .mapPartitions((MapPartitionsFunction<Long, Long>) it -> {
          long[] h = new long[1024];
          int n = 0;
          while (it.hasNext()) {
            if (n == h.length) {
              h = java.util.Arrays.copyOf(h, n * 2);
            }
            h[n++] = it.next();
          }
          java.util.Arrays.sort(h, 0, n);
          long r = 0;
          for (int i = 1; i < n; i++) {
            r += h[i] == h[i - 1] ? 1 : 0;
          }
          return List.of(r).iterator();
        }, Encoders.LONG());
    for (long r : repeated.collectAsList()) { // one number per partition
      if (r > 0) {
        return true;
      }
    }
    return false;
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

  private Piece readText(String[] files) {
    RecordValidator v = validator;
    Dataset<Row> read = spark.read().format("binaryFile").load(files).select("path", "content");
    return new Piece(read, r -> v.fromTextFile(InputFiles.name(r.getString(0)), (byte[]) r.get(1)));
  }

  private Piece readJsonLines(String[] files) {
    RecordValidator v = validator;
    Dataset<Row> lines = spark.read().text(files)
        .withColumn("source", functions.input_file_name())
        .withColumn("position", functions.monotonically_increasing_id());
    // the line's bytes as read (a string column cast to binary keeps them): malformed UTF-8 is caught, not replaced;
    // blank lines (JSON white space only) are no records, skipped by the parser rather than by a filter over the text
    return new Piece(lines.select(functions.col("value").cast("binary"), functions.col("source"),
        functions.col("position")), r -> {
          byte[] line = (byte[]) r.get(0);
          return RecordValidator.isBlank(line) ? null : v.fromJsonLine(InputFiles.name(r.getString(1)), r.getLong(2),
              line);
        });
  }

  private Piece readCsv(String[] files) {
    RecordValidator v = validator;
    StructType schema = new StructType().add("id", DataTypes.StringType).add("url", DataTypes.StringType)
        .add("published", DataTypes.StringType).add("title", DataTypes.StringType).add("text", DataTypes.StringType)
        .add("_corrupt_record", DataTypes.StringType);
    Dataset<Row> rows = spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
        .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "_corrupt_record")
        .option("enforceSchema", "false").schema(schema).csv(files)
        .withColumn("source", functions.input_file_name())
        .withColumn("position", functions.monotonically_increasing_id());
    return new Piece(rows, r -> {
      String corrupt = r.getString(5);
      String source = InputFiles.name(r.getString(6));
      if (corrupt != null) {
        return ParsedRecord.reject(source, r.getLong(7), r.getString(0), "malformed_csv",
            "the row does not have the header's columns", corrupt);
      }
      return v.fromFields(source, r.getLong(7), r.getString(0), r.getString(1), r.getString(2),
          r.getString(3), r.getString(4), r.getString(0) + "," + r.getString(3));
    });
  }

  /**
   * Parquet files: those whose schema has string-compatible {@code id} and {@code text} columns are read together;
   * every row of a file without them is a {@code wrong_schema} reject (the run fails only through the reject rate).
   */
  private List<Piece> readParquet(String[] files) {
    List<String> good = new ArrayList<>();
    List<Piece> pieces = new ArrayList<>();
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
      pieces.add(new Piece(file.toJSON().withColumn("position", functions.monotonically_increasing_id()),
          r -> ParsedRecord.reject(source, r.getLong(1), null, "wrong_schema", detail,
              RecordValidator.head(r.getString(0)))));
    }
    if (!good.isEmpty()) {
      pieces.add(0, readParquetRows(good.toArray(new String[0])));
    }
    return pieces;
  }

  private Piece readParquetRows(String[] files) {
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
    return new Piece(sel, r -> v.fromFields(InputFiles.name(r.getString(5)), r.getLong(6), r.getString(0),
        r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(0)));
  }
}

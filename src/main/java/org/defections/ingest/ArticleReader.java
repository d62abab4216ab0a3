package org.defections.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;

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
   * Turns one raw input row into a parsed record, or null when the row is no record at all;
   * serializable: it runs on the executors.
   */
  public interface RowParser extends java.util.function.Function<Row, ParsedRecord>, java.io.Serializable {}

  /** One kind of input, read and parsed into records by the caller's partition function. */
  interface Piece {
    <T> Dataset<T> map(MapPartitionsFunction<ParsedRecord, T> then, Encoder<T> encoder);
  }

  /** Raw rows of a Spark source and how each becomes a {@link ParsedRecord}. */
  record RowPiece(Dataset<Row> rows, RowParser parser) implements Piece {
    @Override
    public <T> Dataset<T> map(MapPartitionsFunction<ParsedRecord, T> then, Encoder<T> encoder) {
      return rows.mapPartitions(parsedThen(parser, then), encoder);
    }
  }

  /**
   * An input, ready to be parsed (nothing read yet) and the format it is read as. {@link #mapRecords} parses each
   * record and hands it straight to the caller's function in the same pass: the text is decoded once, never encoded
   * into an intermediate Dataset.
   */
  public static final class Parsed {
    private final List<Piece> pieces;
    private final InputFormat format;
    private final List<InputFiles.Skipped> skipped;

    Parsed(List<Piece> pieces, InputFormat format, List<InputFiles.Skipped> skipped) {
      this.pieces = pieces;
      this.format = format;
      this.skipped = skipped;
    }

    public InputFormat format() {
      return format;
    }

    /** The directory entries not read (hidden and metadata files, subdirectories), listed in {@code input_files}. */
    public List<InputFiles.Skipped> skipped() {
      return skipped;
    }

    /** {@code then} over the parsed records (duplicate ids not marked), partition by partition. */
    public <T> Dataset<T> mapRecords(MapPartitionsFunction<ParsedRecord, T> then, Encoder<T> encoder) {
      Dataset<T> out = null;
      for (Piece piece : pieces) {
        Dataset<T> d = piece.map(then, encoder);
        out = out == null ? d : out.union(d);
      }
      return out;
    }

    /** The parsed records themselves (lazy, not cached). */
    public Dataset<ParsedRecord> records() {
      return mapRecords(it -> it, Encoders.bean(ParsedRecord.class));
    }
  }

  /**
   * Row parsing and then {@code then}, as one partition function (static: it must not hold this object). Rows the
   * parser returns null for are not records and are skipped.
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

  /** Line and text files, read by {@link FileRecords} in tasks that {@link FilePlan} makes. */
  record FilePiece(JavaRDD<List<FileSplit>> tasks, InputFormat format, RecordValidator validator,
      Broadcast<SerializableConfiguration> conf) implements Piece {
    @Override
    public <T> Dataset<T> map(MapPartitionsFunction<ParsedRecord, T> then, Encoder<T> encoder) {
      InputFormat f = format;
      RecordValidator v = validator;
      Broadcast<SerializableConfiguration> c = conf;
      JavaRDD<T> out = tasks.mapPartitions(it -> then.call(new SplitsIterator(it, f, v, c.value().value())));
      return SparkSession.active().createDataset(out.rdd(), encoder);
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
    List<String> files = listing.readable();
    List<Piece> pieces = new ArrayList<>();
    if (!files.isEmpty()) {
      switch (format) {
        case TEXT, JSONL, CSV -> pieces.add(readFiles(files, format));
        case PARQUET -> pieces.addAll(ParquetFiles.pieces(spark, files, validator));
        default -> throw new IllegalArgumentException("unsupported format " + format);
      }
    }
    // the whole-file rejects of the listing (few): row i is reject i
    List<ParsedRecord> listed = new ArrayList<>(listing.rejects());
    if (!listed.isEmpty() || pieces.isEmpty()) {
      pieces.add(new RowPiece(spark.range(listed.size()).toDF(), r -> listed.get((int) r.getLong(0))));
    }
    return new Parsed(pieces, format, listing.skipped());
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
    List<String> files = InputFiles.list(input, spark.sparkContext().hadoopConfiguration()).readable();
    if (files.isEmpty()) {
      throw new IllegalArgumentException("input " + input + " holds no readable files");
    }
    for (String f : files) {
      InputFormat e = byExtension(InputFiles.path(f).getName());
      if (e != null) {
        return e;
      }
    }
    Path first = InputFiles.path(files.get(0));
    try (InputStream in = InputFiles.fileSystem(first, spark.sparkContext().hadoopConfiguration()).open(first)) {
      byte[] head = in.readNBytes(4);
      if (head.length == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
        return InputFormat.PARQUET;
      }
      if (head.length > 0 && head[0] == '{') {
        return InputFormat.JSONL;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect input " + input, e);
    }
    if (files.size() > 1 || !first.getName().equals(new Path(input).getName())) {
      return InputFormat.TEXT; // a directory of files without a known extension
    }
    throw new IllegalArgumentException("cannot tell the format of " + input
        + ": use --format text|jsonl|csv|parquet");
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

  private Piece readFiles(List<String> files, InputFormat format) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(
        spark.sparkContext().hadoopConfiguration()));
    List<List<FileSplit>> tasks = FilePlan.tasks(jsc, files, format, conf,
        spark.sessionState().conf().filesMaxPartitionBytes(), spark.sessionState().conf().filesOpenCostInBytes());
    return new FilePiece(jsc.parallelize(tasks, tasks.size()), format, validator, conf);
  }
}

package org.defections.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Parquet input, read with each file's own columns: files are grouped by schema and every group is read with its
 * schema, so a column one file has is never dropped because another file lacks it. Columns by name: {@code id}
 * (a string or an integer, cast to a string), {@code text} (a string), {@code url}, {@code title} (strings),
 * {@code published} or {@code date} (a string, date or timestamp). A file without {@code id} and {@code text}, or with
 * one of them of another type, gives a {@code wrong_schema} reject per row; a file whose footer cannot be read is one
 * {@code unreadable_file} reject. {@code position} is the row's index in its file (from 0).
 */
final class ParquetFiles {
  private ParquetFiles() {}

  static List<ArticleReader.Piece> pieces(SparkSession spark, List<String> uris, RecordValidator validator) {
    Map<StructType, List<String>> bySchema = new LinkedHashMap<>();
    List<ArticleReader.Piece> pieces = new ArrayList<>();
    List<ParsedRecord> unreadable = new ArrayList<>();
    for (String uri : uris) {
      StructType schema;
      try {
        schema = spark.read().parquet(pathOf(uri)).schema();
      } catch (RuntimeException e) {
        String name = InputFiles.name(uri);
        unreadable.add(ParsedRecord.reject(name, 0, name.substring(name.lastIndexOf('/') + 1), "unreadable_file",
            "not a readable Parquet file: " + firstLine(String.valueOf(e.getMessage())), ""));
        continue;
      }
      bySchema.computeIfAbsent(schema, k -> new ArrayList<>()).add(uri);
    }
    for (Map.Entry<StructType, List<String>> group : bySchema.entrySet()) {
      StructType schema = group.getKey();
      String[] paths = group.getValue().stream().map(ParquetFiles::pathOf).toArray(String[]::new);
      Dataset<Row> rows = spark.read().schema(schema).parquet(paths);
      String problem = problem(schema);
      if (problem == null) {
        pieces.add(records(rows, schema, validator));
      } else {
        String detail = problem + "; the file's columns are " + schema.simpleString();
        pieces.add(new ArticleReader.RowPiece(rows.select(functions.to_json(functions.struct(functions.col("*"))),
            functions.col("_metadata.file_path"), functions.col("_metadata.row_index")),
            r -> ParsedRecord.reject(InputFiles.name(r.getString(1)), r.getLong(2), null, "wrong_schema", detail,
                RecordValidator.head(r.getString(0)))));
      }
    }
    if (!unreadable.isEmpty()) {
      pieces.add(new ArticleReader.RowPiece(spark.range(unreadable.size()).toDF(),
          r -> unreadable.get((int) r.getLong(0))));
    }
    return pieces;
  }

  private static ArticleReader.Piece records(Dataset<Row> rows, StructType schema, RecordValidator v) {
    Dataset<Row> sel = rows.select(functions.col("id").cast("string").as("id"), string(schema, "url"),
        string(schema, schema.getFieldIndex("published").isDefined() ? "published" : "date"),
        string(schema, "title"), functions.col("text").cast("string").as("text"),
        functions.col("_metadata.file_path").as("source"), functions.col("_metadata.row_index").as("position"));
    return new ArticleReader.RowPiece(sel, r -> v.fromFields(InputFiles.name(r.getString(5)), r.getLong(6),
        r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(0)));
  }

  private static Column string(StructType schema, String name) {
    return (schema.getFieldIndex(name).isDefined() ? functions.col(name).cast("string")
        : functions.lit(null).cast("string")).as(name);
  }

  /** What keeps a schema's rows from being articles, or null. */
  static String problem(StructType schema) {
    if (!schema.getFieldIndex("id").isDefined() || !schema.getFieldIndex("text").isDefined()) {
      return "expected the columns id and text (and url, published, title)";
    }
    DataType id = schema.apply("id").dataType();
    if (!(id.equals(DataTypes.StringType) || id.equals(DataTypes.LongType) || id.equals(DataTypes.IntegerType)
        || id.equals(DataTypes.ShortType) || id.equals(DataTypes.ByteType))) {
      return "id must be a string or an integer, not " + id.simpleString();
    }
    if (!schema.apply("text").dataType().equals(DataTypes.StringType)) {
      return "text must be a string, not " + schema.apply("text").dataType().simpleString();
    }
    for (String f : new String[] {"url", "title", "published", "date"}) {
      if (schema.getFieldIndex(f).isDefined()) {
        StructField field = schema.apply(f);
        if (!(field.dataType() instanceof org.apache.spark.sql.types.AtomicType)) {
          return f + " must be a plain value, not " + field.dataType().simpleString();
        }
      }
    }
    return null;
  }

  /** The path of a listed file as a string Spark's reader takes literally: glob characters escaped. */
  static String pathOf(String uri) {
    String p = InputFiles.path(uri).toString();
    StringBuilder b = new StringBuilder(p.length() + 8);
    for (char c : p.toCharArray()) {
      if ("\\[]{}*?".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}

package org.defections.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.defections.SparkTestSession;
import org.junit.jupiter.api.Test;

/** Staged tables: sorted as asked in one file or across several, and counted from their footers. */
class TableWriterTest {
  private final SparkSession spark = SparkTestSession.get();

  private Dataset<Row> shuffled(int n) {
    StructType schema = new StructType().add("country", DataTypes.StringType).add("id", DataTypes.IntegerType);
    List<Row> rows = IntStream.range(0, n).map(i -> (i * 7919) % n)
        .mapToObj(i -> RowFactory.create(i % 3 == 0 ? null : "C" + (i % 5), i)).collect(Collectors.toList());
    return spark.createDataFrame(rows, schema).repartition(4);
  }

  @Test
  void sortedTablesReadBackInOrderFromOneFileOrSeveral() throws Exception {
    Dataset<Row> data = shuffled(500);
    List<String> expected = data.orderBy("country", "id").collectAsList().stream().map(Row::toString).toList();
    for (int files : new int[] {1, 3}) {
      String out = Files.createTempDirectory("writer").resolve("out").toString();
      TableWriter writer = new TableWriter(spark, out, "run-" + files);
      assertEquals(500, writer.stageSorted("t", data, files, "country", "id"));
      assertEquals(500, new ParquetInspector(spark.sparkContext().hadoopConfiguration()).rows(writer.staged("t")));
      // part files in name order, rows in file order: the table's order
      List<String> read = new java.util.ArrayList<>();
      List<java.nio.file.Path> parts;
      try (var s = Files.list(java.nio.file.Path.of(writer.staged("t")))) {
        parts = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
      }
      org.junit.jupiter.api.Assertions.assertTrue(parts.size() >= 1 && parts.size() <= files, parts.toString());
      for (java.nio.file.Path p : parts) {
        spark.read().parquet(p.toString()).collectAsList().forEach(r -> read.add(r.toString()));
      }
      assertEquals(expected, read, files + " file(s)");
      assertEquals(java.util.Map.of("t", 500L), writer.counts());
    }
  }
}

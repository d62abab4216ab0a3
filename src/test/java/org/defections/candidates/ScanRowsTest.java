package org.defections.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.defections.SparkTestSession;
import org.defections.ingest.ArticleReader;
import org.defections.ingest.InputFormat;
import org.defections.ingest.LanguageDetector;
import org.defections.lexicon.Lexicons;
import org.defections.lexicon.SharedLexicons;
import org.junit.jupiter.api.Test;

/**
 * The folded scan of a full run ({@link CandidateSelection.Rows#FOLDED}) stands for the same records as the scan
 * that keeps every record: the same counts per source, reason, language and candidacy, the same candidate passages,
 * and the hashes of the same accepted ids.
 */
class ScanRowsTest {
  @Test
  void foldedRowsStandForEveryRecord() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path dir = Files.createTempDirectory("scan-rows");
    List<String> a = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      a.add(String.format("{\"id\": \"a%d\", \"text\": \"Markets were calm on day %d of the month, traders said.\"}",
          i, i));
    }
    a.add("{\"id\": \"a-es\", \"text\": \"El mercado estuvo tranquilo el lunes y los precios no cambiaron, según los "
        + "operadores de la bolsa de la ciudad.\"}");
    a.add("{\"id\": \"a-def\", \"text\": \"A Cuban pilot defected to the United States on Friday, officials said.\"}");
    a.add("{\"id\": \"a-empty\", \"text\": \"\"}");
    a.add("not json");
    Files.write(dir.resolve("a.jsonl"), a, StandardCharsets.UTF_8);
    Files.write(dir.resolve("b.jsonl"), List.of("{\"id\": \"b1\", \"text\": \"The harvest was good this year.\"}",
        "{\"id\": \"b2\", \"text\": \"A Syrian general defected to Jordan on Sunday.\"}"), StandardCharsets.UTF_8);
    Lexicons lexicons = Lexicons.load((Path) null);
    SharedLexicons lx = SharedLexicons.broadcast(spark.sparkContext(), lexicons);
    ArticleReader.Parsed parsed = new ArticleReader(spark, 5_000_000).parse(dir.toString(), InputFormat.AUTO);
    Dataset<Row> folded = CandidateSelection.scan(parsed, lx, LanguageDetector.ANNOTATED, 3, 20_000, true,
        CandidateSelection.Rows.FOLDED).toDF();
    Dataset<Row> every = CandidateSelection.scan(parsed, lx, LanguageDetector.ANNOTATED, 3, 20_000, true,
        CandidateSelection.Rows.EVERY).toDF();

    long rows = folded.count();
    assertEquals(46, every.count());
    assertTrue(rows <= 8, "the 42 articles without passages are folded: " + rows + " rows");
    assertEquals(counts(every), counts(folded));
    assertEquals(passages(every), passages(folded));
    assertEquals(sortedHashesOfIds(every), sorted(CandidateSelection.acceptedIdHashes(folded).collectAsList()),
        "the folded ids' hashes are Spark's xxhash64 of the ids");
    assertEquals(0, folded.filter(functions.col("head").isNotNull()).count(), "no head is kept when folded");
  }

  /** Records per source, reason, language and candidacy (sums of {@code records}). */
  private static Map<String, Long> counts(Dataset<Row> scanned) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : scanned.groupBy(functions.col("source"), functions.col("reason"), functions.col("language"),
        functions.size(functions.col("passages")).gt(0)).agg(functions.sum("records")).collectAsList()) {
      out.put(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2) + "|" + r.getBoolean(3), r.getLong(4));
    }
    return out;
  }

  private static List<String> passages(Dataset<Row> scanned) {
    return scanned.select(functions.explode(functions.col("passages")).as("p")).select("p.articleId", "p.text")
        .collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static List<Long> sortedHashesOfIds(Dataset<Row> every) {
    return sorted(every.filter(functions.col("reason").isNull()).select(functions.xxhash64(functions.col("id")))
        .collectAsList().stream().map(r -> r.getLong(0)).toList());
  }

  private static List<Long> sorted(List<Long> l) {
    List<Long> out = new ArrayList<>(l);
    out.sort(null);
    return out;
  }
}

package org.defections.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.defections.SparkTestSession;
import org.defections.lexicon.Lexicons;
import org.junit.jupiter.api.Test;

class AnnotationPipelineTest {
  @Test
  void keepsMilitaryAbbreviationsInOneSentenceAndSurvivesSaveAndLoad() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path dir = Files.createTempDirectory("pipeline");
    PipelineModel model = AnnotationPipeline.build(spark, Lexicons.bundled(), dir.resolve("matchers"));
    String text = "Lt. Gen. Ivo Marek and Brig. Gen. Jan Holub met Col. Petr Sova. Capt. Eva Dvorak left on Monday.";
    Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(text)),
        new StructType().add(AnnotationPipeline.TEXT, "string"));
    Row out = model.transform(df).first();
    List<Row> sentences = out.getList(out.fieldIndex(AnnotationPipeline.SENTENCE));
    assertEquals(2, sentences.size());
    List<Row> ranks = out.getList(out.fieldIndex(AnnotationPipeline.RANKS));
    assertEquals(List.of("Lt. Gen.", "Brig. Gen.", "Col.", "Capt."), ranks.stream().map(r -> r.getString(3)).toList());
    List<Row> dates = out.getList(out.fieldIndex(AnnotationPipeline.DATES));
    assertEquals("WEEKDAY:1", dates.get(0).getMap(4).apply("value"));

    AnnotationPipeline.save(model, dir.resolve("model").toString());
    PipelineModel loaded = AnnotationPipeline.load(dir.resolve("model").toString());
    Row again = loaded.transform(df).first();
    assertEquals(out.getList(out.fieldIndex(AnnotationPipeline.RANKS)),
        again.getList(again.fieldIndex(AnnotationPipeline.RANKS)));
    assertEquals(out.getList(out.fieldIndex(AnnotationPipeline.DATES)),
        again.getList(again.fieldIndex(AnnotationPipeline.DATES)));
  }
}

package org.defections.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.defections.SparkTestSession;
import org.defections.extract.AnnotatedDocument;
import org.defections.lexicon.Lexicons;
import org.junit.jupiter.api.Test;

class AnnotationPipelineTest {
  @Test
  void keepsMilitaryAbbreviationsInOneSentenceAndSurvivesSaveAndLoad() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path dir = Files.createTempDirectory("pipeline");
    PipelineModel model = AnnotationPipeline.build(Lexicons.bundled(), "en");
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

  @Test
  void theSpanishPipelineMatchesSpanishLexiconsAndDates() throws Exception {
    TextAnnotator annotator = new TextAnnotator(Lexicons.bundled());
    AnnotatedDocument d = annotator.annotate("t", "Tres sargentos de la Guardia Nacional Bolivariana desertaron el "
        + "sábado y cruzaron la frontera hacia Colombia el 23 de febrero de 2019.", "es", LocalDate.of(2019, 2, 24));
    assertEquals(List.of("sargentos", "Guardia Nacional"), d.ranks().stream().map(AnnotatedDocument.Span::text).toList());
    assertEquals(List.of("Guardia Nacional Bolivariana", "Colombia"), d.places().stream()
        .map(AnnotatedDocument.Span::text).toList());
    assertEquals(List.of("desertaron", "cruzaron la frontera"), d.triggers().stream()
        .map(AnnotatedDocument.Span::text).toList());
    assertEquals(List.of("WEEKDAY:6:LAST", "DATE:2019-02-23"), d.dates().stream().map(AnnotatedDocument.Span::value)
        .toList());
    // the English pipeline sees none of it
    AnnotatedDocument en = annotator.annotate("t", "Tres sargentos desertaron el sábado.", "en", null);
    assertTrue(en.ranks().isEmpty() && en.triggers().isEmpty() && en.dates().isEmpty());
  }

  @Test
  void aLanguageWithoutLexiconsIsRefusedByName() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnnotationPipeline.build(
        Lexicons.bundled(), "fr"));
    assertEquals("no lexicons for language fr; extracted: [en, es]", e.getMessage());
  }
}

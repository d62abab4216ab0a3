package org.defections.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.johnsnowlabs.nlp.LightPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.defections.SparkTestSession;
import org.defections.lexicon.Lexicons;
import org.junit.jupiter.api.Test;

/**
 * The job annotates each distinct passage on its own ({@link AnnotationPipeline#annotateOne}), and the rule tests do
 * the same without Spark; both must read the annotations the pipeline gives as DataFrame columns
 * ({@link AnnotationPipeline#annotate}), in each language.
 */
class OneTextAnnotationTest {
  @Test
  void oneTextAtATimeGivesTheDataFramesAnnotationsInEachLanguage() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Map<String, PipelineModel> pipelines = AnnotationPipeline.buildAll(Lexicons.bundled());
    Map<String, List<Row>> texts = Map.of("en", new ArrayList<>(), "es", new ArrayList<>());
    ObjectMapper om = new ObjectMapper();
    for (String line : Files.readAllLines(Paths.get("samples/corpus/articles.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode article;
      try {
        article = om.readTree(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        continue; // the sample's malformed line (a reject of the job)
      }
      if (article != null && article.hasNonNull("text")) {
        String text = article.get("text").asText();
        texts.get(text.contains(" desertaron ") || text.contains(" se pasó ") ? "es" : "en")
            .add(RowFactory.create(text));
      }
    }
    texts.get("en").add(RowFactory.create("Capt. Ri, a North Korean officer, defected to South Korea last Tuesday."
        + "\n\nTwo soldiers crossed on 3 March 2019; officials in Seoul said so on Friday."));
    texts.get("es").add(RowFactory.create("El mayor cubano Ernesto Villar desertó el 28 de octubre de 2018 y pidió "
        + "asilo en México. Dos sargentos se pasaron a Colombia el sábado."));
    for (String language : Lexicons.EXTRACTED_LANGUAGES) {
      PipelineModel pipeline = pipelines.get(language);
      List<Row> annotated = AnnotationPipeline.annotate(pipeline, spark.createDataFrame(texts.get(language),
          new StructType().add(AnnotationPipeline.TEXT, DataTypes.StringType))).collectAsList();
      LightPipeline light = AnnotationPipeline.light(pipeline);
      int dates = 0;
      int ranks = 0;
      for (Row r : annotated) {
        Annotations expected = Annotations.of(r);
        Annotations actual = Annotations.of(AnnotationPipeline.annotateOne(light,
            r.getString(r.fieldIndex(AnnotationPipeline.TEXT)), language));
        assertEquals(expected, actual, language);
        dates += actual.dates().size();
        ranks += actual.ranks().size();
      }
      assertEquals(texts.get(language).size(), annotated.size());
      assertTrue(dates >= 3 && ranks >= 3, language + ": the texts exercise the matchers and dates: " + dates
          + " dates, " + ranks + " ranks");
    }
  }
}

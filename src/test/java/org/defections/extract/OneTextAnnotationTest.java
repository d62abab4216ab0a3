package org.defections.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.johnsnowlabs.nlp.LightPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.defections.SparkTestSession;
import org.defections.annotate.AnnotationPipeline;
import org.defections.lexicon.Lexicons;
import org.junit.jupiter.api.Test;

/**
 * The job annotates each distinct passage on its own ({@link AnnotationPipeline#annotateOne}); the rules must read the
 * same annotations as from the pipeline's DataFrame columns ({@link AnnotationPipeline#annotate}).
 */
class OneTextAnnotationTest {
  @Test
  void oneTextAtATimeGivesTheDataFramesAnnotations() throws Exception {
    SparkSession spark = SparkTestSession.get();
    PipelineModel pipeline = AnnotationPipeline.build(spark, Lexicons.bundled(), Files.createTempDirectory("m"));
    List<Row> texts = new ArrayList<>();
    ObjectMapper om = new ObjectMapper();
    for (String line : Files.readAllLines(Paths.get("samples/corpus/articles.jsonl"), StandardCharsets.UTF_8)) {
      com.fasterxml.jackson.databind.JsonNode article;
      try {
        article = om.readTree(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        continue; // the sample's malformed line (a reject of the job)
      }
      if (article != null && article.hasNonNull("text")) {
        texts.add(RowFactory.create(article.get("text").asText()));
      }
    }
    texts.add(RowFactory.create("Capt. Ri, a North Korean officer, defected to South Korea last Tuesday.\n\n"
        + "Two soldiers crossed on 3 March 2019; officials in Seoul said so on Friday."));
    List<Row> annotated = AnnotationPipeline.annotate(pipeline, spark.createDataFrame(texts, new StructType()
        .add(AnnotationPipeline.TEXT, DataTypes.StringType))).collectAsList();
    LightPipeline light = AnnotationPipeline.light(pipeline);
    int dates = 0;
    int ranks = 0;
    for (Row r : annotated) {
      MentionExtraction.Annotations expected = MentionExtraction.annotations(r);
      MentionExtraction.Annotations actual = MentionExtraction.annotations(AnnotationPipeline.annotateOne(light,
          r.getString(r.fieldIndex(AnnotationPipeline.TEXT))));
      assertEquals(expected, actual);
      dates += actual.dates().size();
      ranks += actual.ranks().size();
    }
    assertEquals(texts.size(), annotated.size());
    assertTrue(dates > 5 && ranks > 5, "the texts exercise the matchers and dates: " + dates + " dates, " + ranks
        + " ranks");
  }
}

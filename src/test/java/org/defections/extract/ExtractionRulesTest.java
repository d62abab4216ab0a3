package org.defections.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;
import org.defections.SparkTestSession;
import org.defections.annotate.AnnotationPipeline;
import org.defections.annotate.CandidateSelection;
import org.defections.annotate.Passage;
import org.defections.ingest.Article;
import org.defections.lexicon.Lexicons;
import org.defections.resolve.DefectionRecord;
import org.defections.resolve.MentionResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rule families over the real Spark NLP annotations, on invented sentences. */
class ExtractionRulesTest {
  private static SparkSession spark;
  private static PipelineModel pipeline;
  private static Lexicons lexicons;

  @BeforeAll
  static void setUp() throws Exception {
    spark = SparkTestSession.get();
    lexicons = Lexicons.bundled();
    pipeline = AnnotationPipeline.build(spark, lexicons, Files.createTempDirectory("matchers"));
  }

  static List<Mention> mentions(String published, String text) {
    Article a = new Article("t1", null, published, null, text, "test");
    List<Passage> ps = CandidateSelection.passages(a, lexicons, 3, 20000, true);
    var df = spark.createDataFrame(ps, Passage.class);
    var rows = pipeline.transform(df).collectAsList();
    MentionExtractor x = new MentionExtractor(lexicons);
    return rows.stream().flatMap(r -> x.extract(MentionExtraction.toDocument(r)).stream())
        .collect(Collectors.toList());
  }

  static List<Mention> countable(String published, String text) {
    return mentions(published, text).stream().filter(Mention::countable).collect(Collectors.toList());
  }

  @Test
  void namedOfficerWithAbbreviatedRankOriginDestinationAndWeekday() {
    List<Mention> ms = countable("2014-09-12",
        "Belarusian Lt. Col. Anton Kravets defected to Lithuania on Tuesday, the border service said.");
    assertEquals(1, ms.size());
    Mention m = ms.get(0);
    assertEquals("Anton Kravets", m.getPersonName());
    assertEquals("Lieutenant Colonel", m.getRank());
    assertEquals("SENIOR_OFFICER", m.getRankClass());
    assertEquals("OF-4", m.getNatoCode());
    assertEquals("BLR", m.getOriginCountry());
    assertEquals("LTU", m.getDestinationCountry());
    assertEquals("2014-09-09", m.getEventDate().toString());
    assertEquals("CONFIRMED", m.getStatus());
  }

  @Test
  void groupSplitByRankIsOneIncident() {
    List<Mention> ms = countable("2016-04-02",
        "A Venezuelan captain and three sergeants deserted to Colombia on Friday, officials said.");
    assertEquals(2, ms.size());
    assertEquals("Captain", ms.get(0).getRank());
    assertEquals(Integer.valueOf(1), ms.get(0).getGroupSize());
    assertEquals("Sergeant", ms.get(1).getRank());
    assertEquals(Integer.valueOf(3), ms.get(1).getGroupSize());
    assertEquals(ms.get(0).getIncidentKey(), ms.get(1).getIncidentKey());
    assertEquals("VEN", ms.get(1).getOriginCountry());
    assertEquals("COL", ms.get(1).getDestinationCountry());
  }

  @Test
  void hedgedAndPlannedMentionsAreKeptOut() {
    List<Mention> planned = mentions("2020-01-01",
        "Several Eritrean officers are preparing to defect to Ethiopia, an exile group claimed.");
    assertTrue(planned.stream().noneMatch(Mention::countable));
    assertTrue(planned.stream().anyMatch(m -> "PLANNED".equals(m.getFactuality())));
    List<Mention> unclear = mentions("2020-01-01",
        "It is unclear whether the Cuban consul in Quito has defected.");
    assertTrue(unclear.stream().noneMatch(Mention::countable));
  }

  @Test
  void reportedStatusFromAttribution() {
    List<Mention> ms = countable("2018-05-20",
        "A Burmese army major reportedly defected to Thailand last week.");
    assertEquals(1, ms.size());
    assertEquals("REPORTED", ms.get(0).getStatus());
  }

  @Test
  void otherSensesNeverCount() {
    assertTrue(countable("2010-01-01", "The recall covers a defect in the brake pedal of 30,000 cars.").isEmpty());
    assertTrue(countable("2010-01-01", "A Labour MP defected to the Liberal Democrats on Monday.").isEmpty());
    assertTrue(countable("2010-01-01", "By midnight the market square was completely deserted.").isEmpty());
  }

  @Test
  void resolutionMergesVariantsButNotRelatives() {
    List<Mention> ms = countable("2013-02-10",
        "Syrian Brigadier General Walid Kamal Mansour defected to Turkey on Saturday.\n\n"
            + "His nephew, Lieutenant Kamal Mansour, also defected to Turkey.\n\n"
            + "General Walid Mansour said he left because of the shelling.");
    List<DefectionRecord> rs = MentionResolver.resolve(ms);
    assertEquals(2, rs.size(), rs.toString());
    DefectionRecord general = rs.stream().filter(r -> "Brigadier General".equals(r.getRank())).findFirst()
        .orElseThrow();
    assertEquals("Walid Kamal Mansour", general.getPersonName());
    DefectionRecord nephew = rs.stream().filter(r -> "Lieutenant".equals(r.getRank())).findFirst().orElseThrow();
    assertEquals("Kamal Mansour", nephew.getPersonName());
    assertNull(nephew.getAliases().isEmpty() ? null : nephew.getAliases());
  }
}

package org.defections.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.defections.lexicon.Lexicons;
import org.junit.jupiter.api.Test;

/**
 * The Spanish rules on invented sentences, without Spark: tokens and sentences come from a plain regex here (the job
 * gives them from Spark NLP's tokenizer and sentence detector, which split Spanish text the same way).
 */
class SpanishRulesTest {
  private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}'-]*|\\d+|[^\\s\\p{L}\\d]");
  private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]?");
  private final SpanishMentionExtractor rules = new SpanishMentionExtractor(Lexicons.bundled());

  static AnnotatedDocument doc(String published, String text) {
    List<AnnotatedDocument.Span> sentences = new ArrayList<>();
    List<AnnotatedDocument.Span> tokens = new ArrayList<>();
    Matcher s = SENTENCE.matcher(text);
    while (s.find()) {
      if (s.group().isBlank()) {
        continue;
      }
      int idx = sentences.size();
      sentences.add(new AnnotatedDocument.Span(s.start(), s.end(), s.group(), idx, null));
      Matcher t = TOKEN.matcher(s.group());
      while (t.find()) {
        tokens.add(new AnnotatedDocument.Span(s.start() + t.start(), s.start() + t.end(), t.group(), idx, null));
      }
    }
    LocalDate p = published == null ? null : LocalDate.parse(published);
    return new AnnotatedDocument("t", null, p, p, text, 0, sentences, tokens, List.of(), List.of(), List.of(),
        List.of());
  }

  private List<Mention> countable(String published, String text) {
    return rules.extract(doc(published, text)).stream().filter(Mention::countable).collect(Collectors.toList());
  }

  @Test
  void groupWithForceDestinationAndWeekday() {
    List<Mention> ms = countable("2022-06-12", "Cuatro cabos de la Guardia Nacional Bolivariana desertaron el "
        + "jueves y se refugiaron en una finca antes de cruzar a pie hacia Brasil.");
    assertEquals(1, ms.size());
    Mention m = ms.get(0);
    assertEquals("Corporal", m.getRank());
    assertEquals("ENLISTED", m.getRankClass());
    assertEquals(4, m.getGroupSize());
    assertEquals("VEN", m.getOriginCountry());
    assertEquals("2022-06-09", m.getEventDate().toString());
    assertEquals("DAY", m.getDatePrecision());
    assertEquals("es", m.getLanguage());
  }

  @Test
  void namedOfficerAfterRankAndDemonymWithFullDate() {
    Mention m = countable("2018-11-02", "El mayor cubano Ernesto Villar Soto desertó el 28 de octubre de 2018 "
        + "durante una escala técnica y pidió asilo en México.").get(1);
    assertEquals("Ernesto Villar Soto", m.getPersonName());
    assertEquals("Major", m.getRank());
    assertEquals("SENIOR_OFFICER", m.getRankClass());
    assertEquals("CUB", m.getOriginCountry());
    assertEquals("MEX", m.getDestinationCountry(), "the second predicate shares the subject and has the destination");
    assertEquals("2018-10-28", m.getEventDate().toString());
  }

  @Test
  void verbBeforeSubjectAndSeveralGroups() {
    List<Mention> ms = countable("2019-04-30", "Según la oposición, desertaron este año dos tenientes y cinco "
        + "sargentos nicaragüenses, que llegaron a Costa Rica.");
    assertEquals(2, ms.size());
    assertEquals("Lieutenant", ms.get(0).getRank());
    assertEquals(2, ms.get(0).getGroupSize());
    assertEquals("Sergeant", ms.get(1).getRank());
    assertEquals(5, ms.get(1).getGroupSize());
    for (Mention m : ms) {
      assertEquals("NIC", m.getOriginCountry());
      assertEquals("REPORTED", m.getStatus());
      assertEquals("YEAR", m.getDatePrecision());
      assertEquals(2019, m.getEventYear());
    }
  }

  @Test
  void factualityNegationPlansDenialsAndTheConditional() {
    assertEquals("NEGATED", only("2020-01-10", "El coronel venezolano Luis Gómez no desertó, aclaró su familia."));
    assertEquals("PLANNED", only("2020-01-10", "El coronel venezolano Luis Gómez planea desertar a Colombia."));
    assertEquals("DENIED", only("2020-01-10", "El gobierno negó que el coronel venezolano Luis Gómez desertó."));
    assertEquals("REPORTED", only("2020-01-10", "El coronel venezolano Luis Gómez habría desertado a Colombia."));
    assertEquals("ASSERTED", only("2020-01-10", "El coronel venezolano Luis Gómez desertó a Colombia."));
  }

  private String only(String published, String text) {
    List<Mention> ms = rules.extract(doc(published, text));
    assertEquals(1, ms.size(), ms.toString());
    return ms.get(0).getFactuality();
  }

  @Test
  void otherSensesAndAmbiguousWordsGiveNoRecord() {
    assertTrue(countable("2021-03-01", "Cientos de alumnos desertaron de la escuela en Guatemala.").isEmpty());
    assertTrue(countable("2021-03-01", "El diputado Pedro Ruiz se pasó al partido de gobierno.").isEmpty());
    // "la mayor parte" is not the rank Major; a weak verb needs a state context
    assertTrue(countable("2021-03-01", "La mayor parte de los vecinos huyeron del incendio.").isEmpty());
  }

  @Test
  void ambiguousRankWordsAfterAnArticleAreRanks() {
    Mention m = countable("2017-07-20", "Un general venezolano se pasó a la oposición la semana pasada.").get(0);
    assertEquals("General", m.getRank());
    assertEquals("2017-07", m.getEventMonth());
    assertEquals("MONTH", m.getDatePrecision());
    assertNull(m.getDestinationCountry());
  }
}

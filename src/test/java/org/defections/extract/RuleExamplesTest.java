package org.defections.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.defections.annotate.TextAnnotator;
import org.defections.extract.passes.Passes;
import org.defections.extract.rules.Example;
import org.defections.extract.rules.Rule;
import org.defections.lexicon.Lexicons;
import org.defections.resolve.DefectionRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example of every rule file, run through the real engine: the sentence annotated by the job's own Spark NLP
 * pipeline of its language (in this JVM, no SparkSession), extracted, and its mentions resolved into records. The
 * records must be exactly those the example expects (field by field, in any order), each {@code kept:} line must
 * match a mention kept out of the records, and the example's rule must have acted (unless the example expects
 * nothing at all: a sentence the rule set must leave alone).
 */
class RuleExamplesTest {
  private static Lexicons lexicons;
  private static TextAnnotator annotator;

  @BeforeAll
  static void setUp() throws Exception {
    lexicons = Lexicons.bundled();
    annotator = new TextAnnotator(lexicons);
  }

  @TestFactory
  Stream<DynamicTest> everyExampleGivesItsRecords() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String language : Lexicons.EXTRACTED_LANGUAGES) {
      Extractor extractor = Extractor.forLanguage(lexicons, language);
      for (Rule r : extractor.rules().all()) {
        for (Example ex : r.examples()) {
          tests.add(DynamicTest.dynamicTest(ex.ruleId() + ": " + ex.text(), () -> check(extractor, ex)));
        }
      }
    }
    return tests.stream();
  }

  @Test
  void everyRuleOfEveryLanguageHasAnExample() {
    int rules = 0;
    for (String language : Lexicons.EXTRACTED_LANGUAGES) {
      for (Rule r : Extractor.forLanguage(Lexicons.bundled(), language).rules().all()) {
        assertTrue(!r.examples().isEmpty(), r.id());
        rules++;
      }
    }
    assertTrue(rules > 0);
  }

  static void check(Extractor extractor, Example ex) {
    Passes.Result result = extractor.trace(annotator.annotate("example", ex.text(), extractor.language(),
        ex.published()));
    List<DefectionRecord> records = Records.resolve(result.mentions());
    String seen = "records: " + records.stream().map(Records::describe).toList() + "\nmentions: "
        + result.mentions() + "\nrules: " + result.fired();
    boolean pureNegative = ex.expected().isEmpty() && ex.keptOut().isEmpty() && ex.mentions().isEmpty();
    assertTrue(pureNegative || result.fired().contains(ex.ruleId()), ex.where() + ": rule " + ex.ruleId()
        + " did not act\n" + seen);
    assertEquals(ex.expected().size(), records.size(), ex.where() + ": records\n" + seen);
    List<DefectionRecord> left = new ArrayList<>(records);
    for (Map<String, String> want : ex.expected()) {
      DefectionRecord match = left.stream().filter(r -> Records.matches(r, want)).findFirst().orElse(null);
      if (match == null) {
        fail(ex.where() + ": no record with " + want + "\n" + seen);
      }
      left.remove(match);
    }
    for (Map<String, String> want : ex.keptOut()) {
      boolean found = result.mentions().stream().filter(m -> !m.countable()).anyMatch(m -> Records.matches(m, want));
      assertTrue(found, ex.where() + ": no mention kept out with " + want + "\n" + seen);
    }
    for (Map<String, String> want : ex.mentions()) {
      assertTrue(result.mentions().stream().anyMatch(m -> Records.matches(m, want)), ex.where() + ": no mention with "
          + want + "\n" + seen);
    }
  }

  /** Example fields of records and mentions. */
  static final class Records {
    private Records() {}

    static List<DefectionRecord> resolve(List<Mention> mentions) {
      Map<String, List<Mention>> byOrigin = new java.util.TreeMap<>();
      for (Mention m : mentions) {
        if (m.countable() && m.getOriginCountry() != null) {
          byOrigin.computeIfAbsent(m.getOriginCountry(), k -> new ArrayList<>()).add(m);
        }
      }
      List<DefectionRecord> out = new ArrayList<>();
      byOrigin.values().forEach(ms -> out.addAll(org.defections.resolve.MentionResolver.resolve(ms)));
      return out;
    }

    static String describe(DefectionRecord r) {
      return "{person=" + r.getPersonName() + ", rank=" + r.getRank() + ", class=" + r.getRankClass() + ", nato="
          + r.getNatoCode() + ", origin=" + r.getOriginCountry() + ", destination=" + r.getDestinationCountry()
          + ", size=" + r.getGroupSize() + ", date=" + date(r.getDatePrecision(), r.getEventDate(), r.getEventMonth(),
          r.getEventYear()) + ", status=" + r.getStatus() + "}";
    }

    static boolean matches(DefectionRecord r, Map<String, String> want) {
      for (Map.Entry<String, String> e : want.entrySet()) {
        String have;
        switch (e.getKey()) {
          case "person": have = r.getPersonName(); break;
          case "rank": have = r.getRank(); break;
          case "class": have = r.getRankClass(); break;
          case "nato": have = r.getNatoCode(); break;
          case "origin": have = r.getOriginCountry(); break;
          case "destination": have = r.getDestinationCountry(); break;
          case "size": have = r.getGroupSize() == null ? null : r.getGroupSize().toString(); break;
          case "date": have = date(r.getDatePrecision(), r.getEventDate(), r.getEventMonth(), r.getEventYear()); break;
          case "status": have = r.getStatus(); break;
          case "org": have = r.getOrganization(); break;
          default: throw new IllegalArgumentException("a record has no field " + e.getKey() + " to expect");
        }
        if (!Objects.equals(value(e.getValue()), have)) {
          return false;
        }
      }
      return true;
    }

    static boolean matches(Mention m, Map<String, String> want) {
      for (Map.Entry<String, String> e : want.entrySet()) {
        String have;
        switch (e.getKey()) {
          case "person": have = m.getPersonName(); break;
          case "rank": have = m.getRank(); break;
          case "class": have = m.getRankClass(); break;
          case "nato": have = m.getNatoCode(); break;
          case "origin": have = m.getOriginCountry(); break;
          case "destination": have = m.getDestinationCountry(); break;
          case "posting": have = m.getPosting(); break;
          case "size": have = m.getGroupSize() == null ? null : m.getGroupSize().toString(); break;
          case "date": have = date(m.getDatePrecision(), m.getEventDate(), m.getEventMonth(), m.getEventYear()); break;
          case "status": have = m.getStatus(); break;
          case "factuality": have = m.getFactuality(); break;
          case "kept": have = m.getKeptOutReason(); break;
          case "org": have = m.getOrganization(); break;
          case "rule": have = m.getRuleId() != null && m.getRuleId().contains(e.getValue()) ? e.getValue() : null; break;
          default: throw new IllegalArgumentException("a mention has no field " + e.getKey());
        }
        if (!Objects.equals(value(e.getValue()), have)) {
          return false;
        }
      }
      return true;
    }

    private static String value(String v) {
      return "null".equals(v) ? null : v;
    }

    private static String date(String precision, java.sql.Date day, String month, Integer year) {
      switch (precision == null ? "NONE" : precision) {
        case "DAY": return day.toString();
        case "MONTH": return month;
        case "YEAR": return year == null ? null : year.toString();
        default: return null;
      }
    }
  }
}

package org.defections.extract.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.defections.extract.pattern.PatternException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleReaderTest {
  private static final String RULE = String.join("\n",
      "# a comment",
      "class AUX = has have",
      "    had",
      "param WINDOW = 8",
      "$PRED = [w=AUX]",
      "",
      "rule xx.subject",
      "  stage: defector",
      "  pattern: (?<np> [rank]+) $PRED*",
      "    (?<trigger> [trigger])",
      "  action: phrase(np)",
      "  example: Two colonels have",
      "    defected to Chad.",
      "    published: 2020-01-02",
      "    expect: rank=Colonel, size=2,",
      "      destination=TCD",
      "    kept: factuality=PLANNED",
      "  example: Nothing here.",
      "    expect: nothing",
      "");

  @Test
  void readsClassesParametersMacrosAndRulesWithTheirExamples() {
    RuleSet rs = RuleReader.read("xx", Map.of("f.rules", RULE));
    assertEquals(Set.of("has", "have", "had"), rs.classes().words("AUX"));
    assertEquals(8, rs.param("WINDOW"));
    Rule r = rs.rules(Stage.DEFECTOR).get(0);
    assertEquals("xx.subject", r.id());
    assertEquals(new Action("phrase", List.of("np")), r.action());
    assertEquals(Set.of("np", "trigger"), r.pattern().groups());
    assertEquals("f.rules line 7", r.where());
    Example first = r.examples().get(0);
    assertEquals("Two colonels have defected to Chad.", first.text());
    assertEquals(LocalDate.of(2020, 1, 2), first.published());
    assertEquals(List.of(Map.of("rank", "Colonel", "size", "2", "destination", "TCD")), first.expected());
    assertEquals(List.of(Map.of("factuality", "PLANNED")), first.keptOut());
    assertTrue(r.examples().get(1).expected().isEmpty());
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(RULE.replace("stage: defector", "stage: subject"), "f.rules line 7: unknown stage 'subject'; "
            + "stages: [trigger, sense, defector, phrase, companion, origin, destination, posting, surname, enumeration]"),
        Arguments.of(RULE.replace("action: phrase(np)", "action: phrase(who)"), "f.rules line 11, rule xx.subject: "
            + "phrase names group 'who', which the pattern does not have (its groups: [np, trigger])"),
        Arguments.of(RULE.replace("action: phrase(np)", "action: sense(np)"), "f.rules line 11, rule xx.subject: the "
            + "defector stage has no action 'sense'; it has [phrase, pronoun, plural, pair, person, counted, heading, reporter, previous]"),
        Arguments.of(RULE.replace("    (?<trigger> [trigger])", "    [trigger]"), "f.rules line 7: a rule of the "
            + "defector stage is anchored on its trigger: its pattern needs a group (?<trigger> ...)"),
        Arguments.of(RULE.replace("    expect: nothing\n", ""), "f.rules line 18: an example of rule xx.subject needs "
            + "'expect:' lines, or 'expect: nothing'"),
        Arguments.of(RULE.replace("  example: Nothing here.\n    expect: nothing\n", "").replace(
            "  example: Two colonels have\n    defected to Chad.\n    published: 2020-01-02\n    expect: rank=Colonel, "
            + "size=2,\n      destination=TCD\n    kept: factuality=PLANNED\n", ""),
            "f.rules line 7: rule xx.subject has no example"),
        Arguments.of(RULE.replace("size=2", "count=2"), "f.rules line 15: unknown field 'count'; fields: [person, "
            + "rank, class, nato, origin, destination, posting, size, date, status, factuality, kept, org, rule]"),
        Arguments.of(RULE.replace("published: 2020-01-02", "published: yesterday"), "f.rules line 14: published: is "
            + "a date yyyy-mm-dd, got: yesterday"),
        Arguments.of(RULE + RULE.substring(RULE.indexOf("rule xx")), "f.rules line 20: rule xx.subject is defined "
            + "twice"),
        Arguments.of(RULE.replace("  stage: defector", "  priority: 2\n  stage: defector"), "f.rules line 8: unknown "
            + "property 'priority' in rule xx.subject; properties: stage, pattern, action, cues, example"),
        Arguments.of(RULE.replace("$PRED = [w=AUX]", "$pred = [w=AUX]"), "f.rules line 5: expected 'class', 'param', "
            + "'$MACRO =' or 'rule', got: $pred = [w=AUX]"),
        Arguments.of("  indented first", "f.rules line 1: an indented line before any statement"));
  }

  @ParameterizedTest
  @MethodSource
  void errors(String text, String message) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("f.rules", text);
    PatternException e = assertThrows(PatternException.class, () -> RuleReader.read("xx", files));
    assertEquals(message, e.getMessage());
  }
}

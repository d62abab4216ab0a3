package org.defections.extract.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An example a rule file gives for its rule: a sentence (written for the rule, never taken from the evaluation sets),
 * the publication date it is read against, the fields expected of each countable mention in order ({@code expect:};
 * none at all with {@code expect: nothing}), fields of mentions kept out ({@code kept:}) and of any mention
 * ({@code mention:}).
 */
public record Example(String ruleId, String text, LocalDate published, List<Map<String, String>> expected,
    List<Map<String, String>> keptOut, List<Map<String, String>> mentions, String where) {
  public Example {
    expected = List.copyOf(expected);
    keptOut = List.copyOf(keptOut);
    mentions = List.copyOf(mentions);
  }

  @Override
  public String toString() {
    return ruleId + ": " + text;
  }
}

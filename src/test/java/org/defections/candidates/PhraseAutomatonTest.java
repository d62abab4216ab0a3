package org.defections.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {
  private final PhraseAutomaton a = new PhraseAutomaton(List.of("defected", "sought asylum",
      "sought political asylum", "asylum", "se pasó a", "re-defected"));

  private static String at(String text, PhraseAutomaton.Hit h) {
    return text.substring(h.begin(), h.end());
  }

  @Test
  void findsWholePhrasesCaseInsensitivelyAcrossLineBreaks() {
    String text = "He DEFECTED in May and Sought\n  Political   asylum in Seoul.";
    List<PhraseAutomaton.Hit> hits = a.find(text);
    assertEquals(List.of("DEFECTED", "Sought\n  Political   asylum", "asylum"),
        hits.stream().map(h -> at(text, h)).toList());
    assertEquals(List.of(0, 2, 3), hits.stream().map(PhraseAutomaton.Hit::phrase).toList());
  }

  @Test
  void requiresWordBoundariesOnBothSides() {
    assertFalse(a.any("The defectedness of asylums and undefected units"));
    assertTrue(a.any("(defected)"));
    assertTrue(a.any("re-defected,"));
    assertEquals(2, a.count("re-defected")); // the phrase and "defected" after the hyphen, as the token matcher may
    assertEquals(0, a.count("seeking asylumseekers"));
  }

  @Test
  void nonAsciiTextAndPhrases() {
    String text = "Tres sargentos SE PASÓ A Colombia; a café\u00a0asylum.";
    List<PhraseAutomaton.Hit> hits = a.find(text);
    assertEquals(List.of("SE PASÓ A", "asylum"), hits.stream().map(h -> at(text, h)).toList());
    assertEquals(-1, a.first("nothing here, se paso a"));
    assertEquals(5, a.first("well defected"));
  }

  @Test
  void overlappingPhrasesEndingAtTheSamePlaceAreAllReported() {
    String text = "sought asylum";
    assertEquals(List.of("sought asylum", "asylum"), a.find(text).stream().map(h -> at(text, h)).toList());
    assertEquals(0, a.count(""));
    assertEquals(0, new PhraseAutomaton(List.of()).count("defected"));
  }

  /**
   * The reference: every (begin, end) where the text, read with white space runs as one space and case folded,
   * spells a phrase between word boundaries; found by trying every start, no automaton.
   */
  private static List<String> bruteForce(List<String> phrases, String text) {
    List<String> out = new java.util.ArrayList<>();
    for (int b = 0; b < text.length(); b++) {
      if (Character.isWhitespace(text.charAt(b)) || (b > 0 && Character.isLetterOrDigit(text.charAt(b - 1)))) {
        continue;
      }
      for (int p = 0; p < phrases.size(); p++) {
        String phrase = phrases.get(p);
        int i = b;
        int k = 0;
        while (k < phrase.length() && i < text.length()) {
          char c = text.charAt(i);
          if (phrase.charAt(k) == ' ') {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
              break;
            }
            while (i < text.length() && (Character.isWhitespace(text.charAt(i))
                || Character.isSpaceChar(text.charAt(i)))) {
              i++;
            }
            k++;
          } else if (Character.toLowerCase(c) == phrase.charAt(k)) {
            i++;
            k++;
          } else {
            break;
          }
        }
        if (k == phrase.length() && (i == text.length() || !Character.isLetterOrDigit(text.charAt(i)))) {
          out.add(b + "-" + i + ":" + p);
        }
      }
    }
    java.util.Collections.sort(out);
    return out;
  }

  @Test
  void agreesWithATryEveryStartMatcherOnRandomText() {
    List<String> phrases = List.of("defected", "sought asylum", "sought political asylum", "asylum", "se pasó a",
        "re-defected", "a", "a b a");
    PhraseAutomaton auto = new PhraseAutomaton(phrases);
    java.util.Random random = new java.util.Random(7);
    String[] pieces = {"defected", "DEFECTED", "sought", "Sought", "asylum", "political", "se", "pasó", "a", "A",
        "b", "re-", "x", " ", "  ", "\n", "\t ", "\u00a0", ",", "-", "é", "1"};
    for (int round = 0; round < 2000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(14); i > 0; i--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextBoolean()) {
          sb.append(' ');
        }
      }
      String text = sb.toString();
      List<String> found = auto.find(text).stream().map(h -> h.begin() + "-" + h.end() + ":" + h.phrase())
          .sorted().toList();
      assertEquals(bruteForce(phrases, text), found, text);
      assertSplitScansAgree(auto, text, found);
    }
  }

  /** The two-stream scan, split anywhere, finds what the one-stream scan finds; so do count and any. */
  private static void assertSplitScansAgree(PhraseAutomaton auto, String text, List<String> found) {
    for (int mid = 0; mid <= text.length(); mid++) {
      List<String> split = new java.util.ArrayList<>();
      auto.scanSplit(text, mid, (b, e, p) -> split.add(b + "-" + e + ":" + p));
      java.util.Collections.sort(split);
      assertEquals(found, split, "split at " + mid + " of: " + text);
    }
    assertEquals(found.size(), auto.count(text), text);
    assertEquals(!found.isEmpty(), auto.any(text), text);
  }

  @Test
  void splitScansAgreeAcrossLongRunsOfWhiteSpaceAndLongTexts() {
    List<String> phrases = List.of("defected", "sought asylum", "sought political asylum", "asylum", "a b a");
    PhraseAutomaton auto = new PhraseAutomaton(phrases);
    java.util.Random random = new java.util.Random(11);
    String[] pieces = {"sought", "political", "asylum", "defected", "a", "b", "x", " ", " \n\t  \u00a0    ",
        " ".repeat(60), "\n".repeat(30), "-", "."};
    for (int round = 0; round < 300; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 20 + random.nextInt(60); i > 0; i--) {
        sb.append(pieces[random.nextInt(pieces.length)]).append(' ');
      }
      String text = sb.toString();
      List<String> found = auto.find(text).stream().map(h -> h.begin() + "-" + h.end() + ":" + h.phrase())
          .sorted().toList();
      assertEquals(bruteForce(phrases, text), found, text);
      assertSplitScansAgree(auto, text, found);
    }
    String longText = "He sought" + " ".repeat(500) + "asylum. ".repeat(40) + "x".repeat(300) + " defected";
    assertEquals(42, auto.count(longText));
    assertTrue(auto.any("x".repeat(1000) + " asylum"));
    assertFalse(auto.any("x".repeat(1000) + " asylums"));
  }
}

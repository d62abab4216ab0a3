package org.defections.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.defections.lexicon.Lexicons;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {
  private final ArticleCleaner cleaner = new ArticleCleaner(Lexicons.bundled().boilerplate());

  @Test
  void dropsBoilerplateAndRepeatedParagraphsKeepingOffsets() {
    String text = "Advertisement\nA navy captain sought asylum in Norway on Friday, officials said.\nShare\n"
        + "Follow newsdesk on Twitter\nA navy captain sought asylum in Norway on Friday, officials said.\n"
        + "He had served for twenty years.";
    ArticleCleaner.Cleaned c = cleaner.clean(text);
    assertEquals("A navy captain sought asylum in Norway on Friday, officials said.\nHe had served for twenty years.",
        c.text());
    assertEquals(4, c.droppedLines());
    int cleanedHe = c.text().indexOf("He had");
    assertEquals(text.indexOf("He had"), c.toOriginal(cleanedHe));
    assertEquals(text.indexOf("sought"), c.toOriginal(c.text().indexOf("sought")));
  }

  @Test
  void datelinesAreBlankedKeepingOffsets() {
    String[][] cases = {
        {"NEW DELHI -Libya's envoy resigned.", "Libya's envoy resigned."},
        {"SEOUL, Dec 22 (Reuters) \u2013 A soldier crossed the border.", "A soldier crossed the border."},
        {"CARACAS, 24 feb \u2014 Tres sargentos desertaron.", "Tres sargentos desertaron."},
        {"BEIRUT (AP) \u2014 A general defected.", "A general defected."},
        {"New York - Key diplomats resigned.", "Key diplomats resigned."},
        {" \t\u000bMOSCOW - Two pilots defected.", "Two pilots defected."}};
    for (String[] c : cases) {
      String blanked = ArticleCleaner.blankDateline(c[0]);
      org.junit.jupiter.api.Assertions.assertEquals(c[0].length(), blanked.length());
      org.junit.jupiter.api.Assertions.assertEquals(c[1], blanked.trim());
    }
    for (String keep : new String[] {"NATO - the alliance met.", "A Syrian pilot - Col. X - defected.",
        "US officials said so.", "Kim Jong-un said - Nothing.",
        // a dateline opens the line: capital words before a dash in mid-sentence are no dateline
        "Two soldiers fled to South Korea - Yonhap said they were privates.",
        "The pilot landed in Amman \u2014 Jordan granted him asylum.", "\u0007MOSCOW - Two pilots defected.",
        "moscow - Two pilots defected."}) {
      org.junit.jupiter.api.Assertions.assertEquals(keep, ArticleCleaner.blankDateline(keep));
    }
  }

  /** The regular expressions {@link ArticleCleaner#normalise} replaced: the key must stay the same. */
  private static String normaliseByRegex(String line) {
    return java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+").matcher(line.toLowerCase(java.util.Locale.ROOT)
        .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"'))
        .replaceAll(" ").trim();
  }

  @Test
  void paragraphKeysAreTheRegexKeys() {
    String[] lines = {"", "   ", "--", "A navy captain sought asylum in Norway, officials said.",
        "  \u201cWe left,\u201d he said \u2014 on 12 May 1987\u2026  ",
        "\u0130stanbul \u0130ZM\u0130R, D\u0130YARBAKIR", // dotted capital I: two characters in lower case
        "Caf\u00e9 \u00c9LYS\u00c9E \u00bd \u2167 \u0663\u0664 x\u00b2", // numbers of all kinds
        "\u041c\u043e\u0441\u043a\u0432\u0430: \u0434\u0435\u0437\u0435\u0440\u0442\u0438\u0440",
        "\ud801\udc00\ud801\udc01 \ud835\udfce", "\ud801\udc00 DESERET \ud801\udc27", // supplementary
        "a\u0301b\u0308 c\u200bd", // combining marks, a zero-width space
        "\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3 \u03a3\u039f\u03a6\u039f\u03a3.", // final sigma
        "\u0394\u0395\u03a3\u039c\u039f\u03a3", "it's \u2018so\u2019 -- (really) [ok]?",
        "\t\ttabs\tand\nnewlines\r"};
    for (String l : lines) {
      assertEquals(normaliseByRegex(l), ArticleCleaner.normalise(l), l);
    }
    // every character of the basic plane, between others, in a line lower-cased char by char and in one lower-cased
    // as a whole (a dotted capital I in it)
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (!Character.isSurrogate(c)) {
        for (String l : List.of("Ab " + c + "1 " + c + c + "x", "\u0130 " + c + "Z" + c + " ")) {
          assertEquals(normaliseByRegex(l), ArticleCleaner.normalise(l), l);
        }
      }
    }
  }

  @Test
  void aLineIsBoilerplateWhenOnePatternMatchesAllOfIt() {
    java.util.List<java.util.regex.Pattern> patterns = Lexicons.bundled().boilerplate();
    String[] lines = {"Advertisement", "  Share this article ", "Follow Jane Doe on Twitter.", "Labels: news, war",
        "Related: more on the defection", "Photo: Reuters", "(AP)", "Advertisement for a new car",
        "Reuters said the colonel defected.", "Share", "Share the load"};
    for (String l : lines) {
      boolean any = patterns.stream().anyMatch(p -> p.matcher(l).matches());
      assertEquals(any, cleaner.isBoilerplate(l), l);
    }
    assertEquals(true, new ArticleCleaner(java.util.List.of(java.util.regex.Pattern.compile("^share$",
        java.util.regex.Pattern.CASE_INSENSITIVE))).isBoilerplate("SHARE"), "a pattern's flags are kept");
    ArticleCleaner backReference = new ArticleCleaner(java.util.List.of(java.util.regex.Pattern.compile("(x)y"),
        java.util.regex.Pattern.compile("(a|b)\\1")));
    assertEquals(List.of(true, false, true), List.of(backReference.isBoilerplate("bb"), backReference.isBoilerplate(
        "ab"), backReference.isBoilerplate("xy")), "a back reference keeps its group");
    ArticleCleaner named = new ArticleCleaner(java.util.List.of(java.util.regex.Pattern.compile("(?<w>a)\\k<w>"),
        java.util.regex.Pattern.compile("(?<w>b)")));
    assertEquals(List.of(true, true), List.of(named.isBoilerplate("aa"), named.isBoilerplate("b")), "named groups");
  }
}

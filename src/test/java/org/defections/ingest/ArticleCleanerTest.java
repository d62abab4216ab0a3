package org.defections.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        {"New York - Key diplomats resigned.", "Key diplomats resigned."}};
    for (String[] c : cases) {
      String blanked = ArticleCleaner.blankDateline(c[0]);
      org.junit.jupiter.api.Assertions.assertEquals(c[0].length(), blanked.length());
      org.junit.jupiter.api.Assertions.assertEquals(c[1], blanked.trim());
    }
    for (String keep : new String[] {"NATO - the alliance met.", "A Syrian pilot - Col. X - defected.",
        "US officials said so.", "Kim Jong-un said - Nothing.",
        // a dateline opens the line: capital words before a dash in mid-sentence are no dateline
        "Two soldiers fled to South Korea - Yonhap said they were privates.",
        "The pilot landed in Amman \u2014 Jordan granted him asylum."}) {
      org.junit.jupiter.api.Assertions.assertEquals(keep, ArticleCleaner.blankDateline(keep));
    }
  }
}

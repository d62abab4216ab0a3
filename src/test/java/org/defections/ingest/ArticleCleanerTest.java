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
}

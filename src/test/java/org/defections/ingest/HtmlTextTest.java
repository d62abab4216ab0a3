package org.defections.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Telling HTML from plain text: the fast path gives the pattern's answer over the first 4,096 characters. */
class HtmlTextTest {
  /** The rule as written: the pattern found in the first 4,096 characters. */
  private static boolean reference(String text) {
    return HtmlText.LOOKS_LIKE_HTML.matcher(text.length() > 4096 ? text.substring(0, 4096) : text).find();
  }

  @Test
  void tellsPagesFromText() {
    assertTrue(HtmlText.looksLikeHtml("<!DOCTYPE html><html><body><p>Defected.</p></body></html>"));
    assertTrue(HtmlText.looksLikeHtml(" \n\t<!-- feed --> <P class=x>A colonel defected.</P>"));
    assertTrue(HtmlText.looksLikeHtml("<h2>Title</h2>"));
    assertFalse(HtmlText.looksLikeHtml("A colonel defected <p> to the south."));
    assertFalse(HtmlText.looksLikeHtml("<b>bold</b> is not an opening the rule knows"));
    assertFalse(HtmlText.looksLikeHtml("\u00a0<p>a no-break space is not white space to the rule</p>"));
    assertFalse(HtmlText.looksLikeHtml(""));
    assertFalse(HtmlText.looksLikeHtml(" ".repeat(4096) + "<p>past the first 4,096 characters</p>"));
    assertTrue(HtmlText.looksLikeHtml(" ".repeat(4090) + "<p>x</p>"));
  }

  @Test
  void agreesWithThePatternOnRandomOpenings() {
    List<String> spaces = List.of("", " ", "\t", "\n", "\u000b", "\f", "\r", "\u00a0", "\u2003", "\u0085", "\u001c",
        "  \n  ");
    List<String> openings = List.of("<html>", "<HTML lang=en>", "<!doctype html>", "<!DOCTYPE  HTML>", "<body",
        "<div>", "<p>", "<pre>", "<span class=a>", "<table>", "<h1>", "<h7>", "<article>", "<section/>", "<main>",
        "<head>", "<b>", "<!-- x -->", "<!-- <p> -->", "<!--", "-->", "<", "<<p>", "p>", "text", "A colonel", "&lt;p>",
        "<html", "<p\n>", "<table\t");
    Random random = new Random(6);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder t = new StringBuilder();
      int parts = random.nextInt(5);
      for (int i = 0; i < parts; i++) {
        t.append(spaces.get(random.nextInt(spaces.size())));
        t.append(openings.get(random.nextInt(openings.size())));
      }
      if (random.nextInt(8) == 0) { // around the 4,096-character limit
        t.insert(0, " ".repeat(4096 - random.nextInt(12)));
      }
      String text = t.toString();
      assertEquals(reference(text), HtmlText.looksLikeHtml(text), () -> "on '" + text.strip() + "' (" + text.length()
          + " chars)");
    }
  }
}

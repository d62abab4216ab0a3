package org.defections.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Article text from an HTML page, with jsoup (a parser: nothing in the page is fetched or executed). Scripts, styles
 * and other non-text elements are dropped, entities decoded, and block elements (paragraphs, headings, list items,
 * line breaks, table rows) become line breaks, so that sentences and paragraphs survive for the annotators. Plain Java.
 */
public final class HtmlText {
  /** A text that opens like an HTML document or fragment. */
  static final Pattern LOOKS_LIKE_HTML = Pattern.compile(
      "(?is)^\\s*(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body|div|p|article|section|main|span|table|h[1-6])\\b");
  private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "object",
      "embed", "svg", "canvas", "head");
  private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
      "article", "section", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "figcaption",
      "main", "aside", "nav", "title");

  private HtmlText() {}

  /**
   * Whether the text's first 4,096 characters open like an HTML document or fragment ({@link #LOOKS_LIKE_HTML} at the
   * start). Plain text (nearly every article) is told by its first character that is not white space.
   */
  public static boolean looksLikeHtml(String text) {
    int end = Math.min(text.length(), 4096);
    int i = 0;
    while (i < end && isRegexSpace(text.charAt(i))) {
      i++;
    }
    if (i == end || text.charAt(i) != '<') {
      return false; // the pattern needs a '<' after the leading white space
    }
    return LOOKS_LIKE_HTML.matcher(text).region(0, end).lookingAt();
  }

  /**
   * The regex class {@code \s} (without UNICODE_CHARACTER_CLASS): space, tab, line feed, VT, form feed, CR. Skipping
   * fewer would answer "not HTML" for pages the pattern takes; more would only leave the answer to the pattern.
   */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** The page's title (from {@code <title>}), or null. */
  public static String title(Document doc) {
    String t = doc.title();
    return t == null || t.isBlank() ? null : t.trim();
  }

  public static Document parse(String html) {
    return Jsoup.parse(html);
  }

  /** The visible text of the page's body, block elements as line breaks, runs of blank lines as one. */
  public static String text(Document doc) {
    Element body = doc.body();
    body.select(String.join(",", DROPPED)).remove();
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          out.append(t.text()); // entities decoded, white space normalised
        } else if (node instanceof Element e && BLOCKS.contains(e.normalName().toLowerCase(Locale.ROOT))) {
          newline(out);
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName().toLowerCase(Locale.ROOT))
            && !e.normalName().equals("br")) {
          newline(out);
        }
      }
    }, body);
    return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n")
        .replaceAll("\\n{3,}", "\n\n").trim();
  }

  private static void newline(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }
}

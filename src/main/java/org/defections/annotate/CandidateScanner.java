package org.defections.annotate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.defections.lexicon.Lexicons;

/**
 * The cheap scan that decides which text reaches Spark NLP: one pass of a compiled alternation of trigger stems over
 * the cleaned article, then passages of whole paragraphs around each hit ({@code contextParagraphs} before and after,
 * at most {@code maxPassageChars} each), merged where they touch. Plain Java, no Spark.
 */
public final class CandidateScanner implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A candidate passage: [begin, end) in the cleaned article text. */
  public record Span(int begin, int end) implements Serializable {}

  private final Pattern stems;
  private final int contextParagraphs;
  private final int maxPassageChars;

  public CandidateScanner(Lexicons lexicons, int contextParagraphs, int maxPassageChars) {
    this.stems = stemPattern(lexicons);
    this.contextParagraphs = contextParagraphs;
    this.maxPassageChars = maxPassageChars;
  }

  private static final java.util.Set<String> SCAN_SKIP = java.util.Set.of("could", "can", "no", "not", "have",
      "has", "had", "was", "were", "is", "are", "be", "been", "to", "the", "a", "an", "his", "her", "their");

  /**
   * Case-insensitive alternation of the first word (after function words) of every English trigger phrase and the longest word of every
   * Spanish one (prefixes: "defect" also finds "defected").
   */
  static Pattern stemPattern(Lexicons lexicons) {
    java.util.TreeSet<String> words = new java.util.TreeSet<>();
    for (Lexicons.TriggerEntry t : lexicons.triggers().values()) {
      String[] ws = t.phrase().toLowerCase(Locale.ROOT).split(" ");
      String first = ws[0];
      // "have disappeared", "could no longer support": a function word would select nearly every article
      for (int i = 0; i < ws.length - 1 && SCAN_SKIP.contains(ws[i]); i++) {
        first = ws[i + 1];
      }
      words.add(Pattern.quote(first));
    }
    for (Lexicons.TriggerEntry t : lexicons.esTriggers().values()) {
      String longest = "";
      for (String w : t.phrase().toLowerCase(Locale.ROOT).split(" ")) {
        longest = w.length() > longest.length() ? w : longest; // "se pasaron a" -> "pasaron", "pidió asilo" -> "pidió"
      }
      words.add(Pattern.quote(longest));
    }
    return Pattern.compile("(?iu)\\b(?:" + String.join("|", words) + ")");
  }

  /** True when the text holds at least one trigger stem. */
  public boolean hasTrigger(String text) {
    return stems.matcher(text).find();
  }

  /** Number of trigger-stem hits in the text (what the scan floor of the benchmark counts). */
  public int countHits(String text) {
    Matcher m = stems.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Candidate passages of {@code text}, in order and disjoint; empty when nothing can hold a defection. */
  public List<Span> passages(String text) {
    List<Span> out = new ArrayList<>();
    Matcher m = stems.matcher(text);
    List<int[]> paragraphs = null;
    while (m.find()) {
      if (paragraphs == null) {
        paragraphs = paragraphs(text);
      }
      int p = indexOf(paragraphs, m.start());
      int from = Math.max(0, p - contextParagraphs);
      int to = Math.min(paragraphs.size() - 1, p + contextParagraphs);
      int begin = paragraphs.get(from)[0];
      int end = paragraphs.get(to)[1];
      if (end - begin > maxPassageChars) {
        begin = Math.max(begin, m.start() - maxPassageChars / 2);
        end = Math.min(end, begin + maxPassageChars);
        begin = snapBack(text, begin);
      }
      if (!out.isEmpty() && begin <= out.get(out.size() - 1).end()) {
        Span last = out.remove(out.size() - 1);
        out.add(new Span(last.begin(), Math.max(last.end(), end)));
      } else {
        out.add(new Span(begin, end));
      }
    }
    return out;
  }

  private static int snapBack(String text, int begin) {
    for (int i = begin; i > 0 && begin - i < 400; i--) {
      char c = text.charAt(i - 1);
      if (c == '\n' || ((c == ' ') && i >= 2 && ".!?".indexOf(text.charAt(i - 2)) >= 0)) {
        return i;
      }
    }
    return begin;
  }

  /** Paragraphs as [begin, end) pairs: text separated by line breaks. */
  static List<int[]> paragraphs(String text) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i > start && !text.substring(start, i).isBlank()) {
          out.add(new int[] {start, i});
        }
        start = i + 1;
      }
    }
    if (out.isEmpty()) {
      out.add(new int[] {0, text.length()});
    }
    return out;
  }

  private static int indexOf(List<int[]> paragraphs, int pos) {
    for (int i = 0; i < paragraphs.size(); i++) {
      if (pos < paragraphs.get(i)[1]) {
        return i;
      }
    }
    return paragraphs.size() - 1;
  }
}

package org.defections.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleaning before annotation: drops boilerplate lines (patterns from the {@code boilerplate.tsv} lexicon) and
 * paragraphs repeated within the article (compared after normalising quotes, case and spaces), keeping a map from
 * each kept stretch of the cleaned text back to the original offsets. Plain Java.
 */
public final class ArticleCleaner implements Serializable {
  private static final long serialVersionUID = 1L;
  private final List<Pattern> boilerplate;
  /**
   * The boilerplate patterns as one alternation (one matcher per line), or null when one of them could mean something
   * else inside it: flags, a back reference (groups are numbered anew) or a named group.
   */
  private final Pattern anyBoilerplate;
  private static final Pattern NOT_COMBINABLE = Pattern.compile("\\\\[1-9]|\\\\k<|\\(\\?<[A-Za-z]");

  public ArticleCleaner(List<Pattern> boilerplate) {
    this.boilerplate = List.copyOf(boilerplate);
    this.anyBoilerplate = boilerplate.isEmpty() || boilerplate.stream().anyMatch(p -> p.flags() != 0
        || NOT_COMBINABLE.matcher(p.pattern()).find()) ? null : Pattern.compile(boilerplate.stream()
        .map(p -> "(?:" + p.pattern() + ")").collect(java.util.stream.Collectors.joining("|")));
  }

  /** Whether the whole line is boilerplate: some pattern matches all of it. */
  boolean isBoilerplate(String line) {
    if (anyBoilerplate != null) {
      return anyBoilerplate.matcher(line).matches();
    }
    for (Pattern p : boilerplate) {
      if (p.matcher(line).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Cleaned text and its offset map: {@code segments} holds triples (cleanedBegin, originalBegin, length) for each
   * kept line, in order.
   */
  public record Cleaned(String text, int[] segments, int droppedLines) implements Serializable {
    /** Original offset of a cleaned offset. */
    public int toOriginal(int cleanedOffset) {
      for (int i = segments.length - 3; i >= 0; i -= 3) {
        if (cleanedOffset >= segments[i]) {
          return segments[i + 1] + Math.min(cleanedOffset - segments[i], segments[i + 2]);
        }
      }
      return cleanedOffset;
    }
  }

  public Cleaned clean(String original) {
    StringBuilder out = new StringBuilder(original.length());
    List<Integer> seg = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int dropped = 0;
    int pos = 0;
    while (pos <= original.length()) {
      int nl = original.indexOf('\n', pos);
      int end = nl < 0 ? original.length() : nl;
      String line = original.substring(pos, end);
      boolean keep = true;
      if (!line.isBlank()) {
        keep = !isBoilerplate(line);
        if (keep && mayRepeat(line)) {
          String key = normalise(line);
          keep = key.length() < 40 || seen.add(key);
        }
      }
      if (keep) {
        seg.add(out.length());
        seg.add(pos);
        seg.add(line.length());
        out.append(blankDateline(line));
        if (nl >= 0) {
          out.append('\n');
        }
      } else {
        dropped++;
        if (nl >= 0 && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
          out.append('\n');
        }
      }
      if (nl < 0) {
        break;
      }
      pos = nl + 1;
    }
    int[] segments = seg.stream().mapToInt(Integer::intValue).toArray();
    return new Cleaned(out.toString(), segments, dropped);
  }

  /**
   * A dateline opening a paragraph ("NEW DELHI -", "SEOUL, Dec 22 (Reuters) –", "CARACAS, 24 feb —", "New York -
   * "): the place
   * and agency of the report, not part of the first sentence (its city is no defector's origin). Matches capital
   * words, an optional date and agency, and a dash before the sentence.
   */
  private static final Pattern DATELINE = Pattern.compile("^\\s*(?:(?:[A-Z][A-Z.'\u2019-]+[ ]?){1,4}"
      + "(?:,\\s*(?:\\d{1,2}\\s+[A-Za-z]{3,9}\\.?|[A-Z][a-z]{2,9}\\.?\\s+\\d{1,2}))?"
      + "\\s*(?:\\([^)\n]{1,40}\\))?\\s*[-\u2013\u2014]{1,2}\\s*"
      + "|(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+(?: \\([^)\n]{1,40}\\))? [-\u2013\u2014]{1,2} )(?=[A-Z\"\u201c'])");

  /** The line with its dateline replaced by spaces (offsets stay the same); only at the start of the line. */
  static String blankDateline(String line) {
    int first = 0; // a dateline's first letter is a capital A-Z after white space (\s): other lines are no dateline
    while (first < line.length() && (line.charAt(first) == ' ' || (char) (line.charAt(first) - '\t') < 5)) {
      first++;
    }
    if (first == line.length() || line.charAt(first) < 'A' || line.charAt(first) > 'Z') {
      return line;
    }
    java.util.regex.Matcher m = DATELINE.matcher(line);
    if (!m.lookingAt() || m.end() == line.length()) {
      return line;
    }
    return " ".repeat(m.end()) + line.substring(m.end());
  }

  /**
   * Whether a line's {@link #normalise}d key can reach the 40 characters a repeated paragraph needs: lower-casing
   * lengthens a line only through U+0130 (one character to two).
   */
  private static boolean mayRepeat(String line) {
    return line.length() >= 40 || line.length() >= 20 && line.indexOf('\u0130') >= 0;
  }

  /**
   * The key a paragraph is compared by: lower case (root locale), its letters and digits ({@code \p{L}}, {@code
   * \p{N}}) kept, every run of other characters (quotes, punctuation, spaces) one space, none at either end.
   */
  static String normalise(String line) {
    // String.toLowerCase is Character.toLowerCase per code point but for U+0130 and a final capital sigma
    boolean special = line.indexOf('\u0130') >= 0 || line.indexOf('\u03a3') >= 0;
    String lower = special ? line.toLowerCase(Locale.ROOT) : line;
    // at most one character out per character in, but for a lower case that takes two (none known; grown if so)
    char[] out = new char[lower.length() + 2];
    int n = 0;
    boolean gap = false;
    for (int i = 0; i < lower.length(); ) {
      char ch = lower.charAt(i);
      int c;
      if (ch < KEY_LATIN1.length) { // most text: one table lookup instead of three of Character's
        i++;
        c = KEY_LATIN1[ch];
      } else {
        c = lower.codePointAt(i);
        i += Character.charCount(c);
        c = special ? c : Character.toLowerCase(c);
        c = Character.isLetter(c) || isNumber(c) ? c : 0;
      }
      if (c == 0) {
        gap = true;
        continue;
      }
      if (n + 3 > out.length) {
        out = java.util.Arrays.copyOf(out, out.length * 2);
      }
      if (gap && n > 0) {
        out[n++] = ' ';
      }
      gap = false;
      n += Character.toChars(c, out, n);
    }
    return new String(out, 0, n);
  }

  /**
   * char below 256 → what a key keeps of it: its lower case when that is a letter or number, else 0. (A char below
   * 256 in a string already lower-cased is its own lower case, so one table serves both of {@link #normalise}'s ways.)
   */
  private static final char[] KEY_LATIN1 = new char[256];

  static {
    for (char c = 0; c < KEY_LATIN1.length; c++) {
      int lower = Character.toLowerCase(c);
      KEY_LATIN1[c] = Character.isLetter(lower) || isNumber(lower) ? (char) lower : 0;
    }
  }

  /** {@code \p{N}}: a decimal digit, letter number or other number. */
  private static boolean isNumber(int c) {
    int t = Character.getType(c);
    return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
  }
}

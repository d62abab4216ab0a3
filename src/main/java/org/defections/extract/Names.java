package org.defections.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Comparing two spellings of a person's name (particles al-/el-/bin dropped, transliteration variants by edit
 * similarity, middle names optional). Plain Java. Names are found in text by {@code text.NameFinder}.
 */
public final class Names {
  private static final Pattern PARTICLE = Pattern.compile(
      "(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|bint|abu|abd|abdel|abdul|de|del|della|di|da|van|von"
      + "|der|den|le|la|du|dos|das|ter|ben)");
  private static final Pattern PREFIXED = Pattern.compile("(?:al|el|ad|as|ash)-[a-z]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern TOKEN_BREAKS = Pattern.compile("[\\s\\-'\u2019`.,()]+");
  private Names() {}

  private static boolean particle(String low) {
    return PARTICLE.matcher(low).matches() || PREFIXED.matcher(low).matches();
  }

  /** Lower-case ASCII tokens of a name without particles. */
  public static List<String> tokens(String name) {
    List<String> out = new ArrayList<>();
    if (name == null) {
      return out;
    }
    String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    for (String t : TOKEN_BREAKS.split(s)) {
      if (!t.isEmpty() && !particle(t) && !t.equals("al") && !t.equals("el")) {
        out.add(t);
      }
    }
    return out;
  }

  public static String surname(String name) {
    List<String> t = tokens(name);
    return t.isEmpty() ? "" : t.get(t.size() - 1);
  }

  /** Transliteration-tolerant token equality (Hamada/Hammadeh, Tlas/Tlass, Hijab/Hidjab). */
  public static boolean similar(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (Math.min(a.length(), b.length()) < 4) {
      return false;
    }
    return skeleton(a).equals(skeleton(b)) || ratio(a, b) >= 0.8;
  }

  /**
   * Consonant skeleton with doubled letters and vowels dropped (except the first letter, where e and i, o and u are
   * one: "Emad" / "Imad", "Umar" / "Omar"; a stays apart: "Amir" is another name).
   */
  static String skeleton(String s) {
    StringBuilder sb = new StringBuilder();
    s = s.replace("dj", "j").replace("ph", "f").replace("ou", "u").replace("kh", "k").replace("q", "k");
    if (!s.isEmpty() && (s.charAt(0) == 'e' || s.charAt(0) == 'u')) {
      s = (s.charAt(0) == 'e' ? "i" : "o") + s.substring(1);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i > 0 && "aeiouyh".indexOf(c) >= 0) {
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) == c) {
        continue;
      }
      sb.append(c);
    }
    return sb.toString();
  }

  static double ratio(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
      }
    }
    return 1.0 - (double) d[a.length()][b.length()] / Math.max(a.length(), b.length());
  }

  public static boolean sameSurname(String a, String b) {
    String x = surname(a);
    String y = surname(b);
    return !x.isEmpty() && similar(x, y);
  }

  /**
   * True when two spellings can name one person: same surname, and the first names agree when both give one
   * ("Riyad Farid Hijab" / "Riyad Hijab" yes; "Mohammed Nour Izz al-din Khalouf" / "Izz al-din Khalouf" no —
   * different first names: father and son). A single-token name matches any full name with that surname.
   */
  public static boolean compatible(String a, String b) {
    List<String> x = tokens(a);
    List<String> y = tokens(b);
    if (x.isEmpty() || y.isEmpty() || !similar(x.get(x.size() - 1), y.get(y.size() - 1))) {
      return false;
    }
    if (x.size() == 1 || y.size() == 1) {
      return true;
    }
    if (!similar(x.get(0), y.get(0))) {
      return false;
    }
    // the shorter name's middle tokens must appear, in order, in the longer one
    List<String> shorter = x.size() <= y.size() ? x : y;
    List<String> longer = x.size() <= y.size() ? y : x;
    int j = 1;
    for (int i = 1; i < shorter.size() - 1; i++) {
      boolean found = false;
      while (j < longer.size() - 1) {
        if (similar(shorter.get(i), longer.get(j++))) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /**
   * A spelling-tolerant key of one name token: ASCII lower case (as {@link #tokens} gives), common digraphs
   * folded (dj, ph, kh, gh, sh, ch, ck, q, g as j: "Gamal" / "Jamal"), vowels, y, w and h dropped, doubled letters once: "Mohammed",
   * "Muhammad" and "Mohamad" are all "md"; "Hijab" and "Hidjab" "jb".
   */
  public static String phoneticKey(String token) {
    String s = token.replace("dj", "j").replace("ph", "f").replace("kh", "k").replace("gh", "g").replace("sh", "s")
        .replace("ch", "s").replace("ck", "k").replace('q', 'k').replace('c', 'k').replace('z', 's').replace('g', 'j');
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("aeiouywh".indexOf(c) >= 0 || !Character.isLetter(c)) {
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) == c) {
        continue;
      }
      sb.append(c);
    }
    return sb.length() == 0 ? token : sb.toString();
  }
}

package org.defections.extract.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds person-like names in a passage: runs of two or more capitalised words, particles inside ("Abdul-Aziz Jassem
 * al-Shallal", "Ramón Aguilar de la Peña"), or one after an honorific ("Mr Hao"), none of them a rank, place or date, nor a word of a lexicon class other
 * than particles and rulers' titles (months, organisations, determiners, stop words); a possessive word ends a name.
 * A run followed by an organisation word ("Meridian Hall") or a model designation ("Mirage F1") names a thing.
 */
public final class NameFinder {
  private static final Pattern NAME_PARTICLE = Pattern.compile("^(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|abd)-");
  private static final Pattern PARTICLE = Pattern.compile(
      "(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|bint|abu|abd|abdel|abdul|de|del|della|di|da|van|von"
      + "|der|den|le|la|du|dos|das|ter|ben)|(?:al|el|ad|as|ash)-[a-z]+");
  private static final Pattern DESIGNATION = Pattern.compile("(?=.*\\d)[A-Z][A-Za-z]*-?\\d+[A-Za-z]*");
  /** Lexicon classes a name word may have. */
  private static final List<String> NAME_CLASSES = List.of("PARTICLE", "SOVEREIGN");
  private static final String MONTH = "MONTH";

  private NameFinder() {}

  /** A capitalised word (not all capitals), or a particle-prefixed one ("al-Shalal"). */
  public static boolean capitalized(String t) {
    if (t.isEmpty()) {
      return false;
    }
    String s = NAME_PARTICLE.matcher(t).replaceFirst("");
    return !s.isEmpty() && Character.isUpperCase(s.charAt(0)) && s.length() > 1
        && s.chars().anyMatch(Character::isLowerCase) && s.chars().allMatch(c -> Character.isLetter(c) || c == '-'
            || c == '\'' || c == '\u2019' || c == '.');
  }

  static boolean particle(String key) {
    return PARTICLE.matcher(key).matches();
  }

  /** The names in a range, in order. */
  static List<Chunks.Name> find(Document d, TokenRange within) {
    List<Chunks.Name> out = new ArrayList<>();
    int i = within.begin();
    while (i < within.end()) {
      int start = i;
      int words = 0;
      int lastName = -1;
      boolean possessive = false;
      while (i < within.end()) {
        String bare = d.base(i);
        String cls = d.lexicon().wordClass(bare);
        boolean blocked = d.rank(i) != null || d.place(i) != null || d.date(i) != null;
        // a month's name that no date holds may start a name ("Jan Kovac", "May Chidiac") when a name word follows
        boolean firstName = words == 0 && MONTH.equals(cls) && i + 1 < within.end() && capitalized(d.base(i + 1))
            && d.lexicon().wordClass(d.base(i + 1)) == null && d.rank(i + 1) == null && d.place(i + 1) == null;
        boolean isName = capitalized(bare) && !blocked && (cls == null || NAME_CLASSES.contains(cls) || firstName)
            && bare.chars().anyMatch(Character::isLowerCase);
        if (isName) {
          words++;
          lastName = i;
          i++;
          if (!bare.equals(d.text(i - 1))) {
            possessive = true;
            break; // a possessive ends the name
          }
          continue;
        }
        if (particle(d.key(i)) && words > 0) {
          i++;
          continue;
        }
        break;
      }
      // "Mr Hao", "Ms. Hu": an honorific makes one word a name
      boolean titled = words == 1 && start > within.begin() && "HONORIFIC".equals(d.lexicon().wordClassOfKey(
          d.key(start - 1)));
      if ((words >= 2 || titled) && lastName >= start) {
        int s = start;
        while (s < lastName && particle(d.key(s)) && !capitalized(d.text(s))) {
          s++; // a name starts with a capitalised word: "al-Assad" drops "al", "Abdel Monein" keeps "Abdel"
        }
        TokenRange r = new TokenRange(s, lastName + 1);
        boolean poss = possessive || (lastName + 1 < d.size() && "'s".equals(d.key(lastName + 1)));
        if (!namesAThing(d, r)) {
          out.add(new Chunks.Name(r, d.nameText(r), poss));
        }
      }
      if (i == start) {
        i++;
      }
    }
    return out;
  }

  /** "Meridian Hall", "Tartous Port", "Dassault Mirage F1": an organisation word or a designation follows. */
  private static boolean namesAThing(Document d, TokenRange name) {
    int next = name.end();
    if (next >= d.size()) {
      return false;
    }
    String text = d.text(next);
    return "ORG".equals(d.lexicon().wordClass(text)) && Character.isUpperCase(text.charAt(0))
        || DESIGNATION.matcher(text).matches();
  }
}

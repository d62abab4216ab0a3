package org.defections.extract.pattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles token patterns, in the spirit of CoreNLP's TokensRegex. A pattern is a sequence of atoms over tokens:
 *
 * <ul>
 *   <li>{@code defected}, {@code "'s"}, {@code ","}: a token whose lookup key (lower case) is that word;
 *   <li>{@code /defect(ed|s)?/}: a token whose key matches the regular expression as a whole;
 *   <li>{@code [rank]}, {@code [rank=DIPLOMAT]}, {@code [place=DEMONYM,REGIME]}, {@code [name]}: an annotation chunk
 *       (all its tokens); {@code [w=AUX]}, {@code [num]}, {@code [cap]}: one token with that property;
 *       {@code [!rank]}, {@code [cap & !place]}, {@code [rank | w=PEOPLE]}: negation, conjunction, alternatives;
 *   <li>{@code $NP}: a macro (defined earlier with {@link #define});
 *   <li>{@code ^} and {@code $}: the start and end of the span searched.
 * </ul>
 *
 * Atoms combine with {@code ( ... )}, named groups {@code (?<np> ... )}, alternatives {@code a | b} and quantifiers
 * {@code ? * + {m,n}} (greedy; add {@code ?} for lazy). White space separates atoms.
 *
 * @param <D> the document type
 */
public final class PatternParser<D extends TokenSequence> {
  private static final String SPECIAL = "()[]|?*+{}\"/";
  private static final Pattern MACRO_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final PrimitiveResolver<D> resolver;
  private final Map<String, Node<D>> macros = new LinkedHashMap<>();

  public PatternParser(PrimitiveResolver<D> resolver) {
    this.resolver = resolver;
  }

  /**
   * Defines macro {@code $name}; it may use the macros defined before it.
   *
   * @throws PatternException naming {@code where} when the source does not parse or the name is taken
   */
  public void define(String name, String source, String where) {
    if (!MACRO_NAME.matcher(name).matches()) {
      throw new PatternException(where + ": a macro name is upper case letters, digits and _: " + name);
    }
    if (macros.containsKey(name)) {
      throw new PatternException(where + ": macro $" + name + " is defined twice");
    }
    macros.put(name, new Reader(source, where).parseAll());
  }

  public boolean hasMacro(String name) {
    return macros.containsKey(name);
  }

  /**
   * Compiles a pattern.
   *
   * @throws PatternException naming {@code where} and the position when the source does not parse
   */
  public TokenPattern<D> parse(String source, String where) {
    return new TokenPattern<>(new Reader(source, where).parseAll(), source);
  }

  private final class Reader {
    private final String src;
    private final String where;
    private int pos;

    Reader(String src, String where) {
      this.src = src;
      this.where = where;
    }

    Node<D> parseAll() {
      Node<D> n = alternatives();
      skipSpace();
      if (pos < src.length()) {
        throw error("unexpected '" + src.charAt(pos) + "'");
      }
      return n;
    }

    private PatternException error(String what) {
      return new PatternException(where + ": " + what + " at column " + (pos + 1) + " of: " + src);
    }

    private void skipSpace() {
      while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
        pos++;
      }
    }

    private boolean peek(char c) {
      skipSpace();
      return pos < src.length() && src.charAt(pos) == c;
    }

    private Node<D> alternatives() {
      List<Node<D>> alts = new ArrayList<>();
      alts.add(sequence());
      while (peek('|')) {
        pos++;
        alts.add(sequence());
      }
      return alts.size() == 1 ? alts.get(0) : new Node.Alt<>(List.copyOf(alts));
    }

    private Node<D> sequence() {
      List<Node<D>> items = new ArrayList<>();
      while (true) {
        skipSpace();
        if (pos >= src.length() || src.charAt(pos) == ')' || src.charAt(pos) == '|') {
          break;
        }
        items.add(quantified(primary()));
      }
      if (items.isEmpty()) {
        throw error("an empty pattern or alternative");
      }
      return items.size() == 1 ? items.get(0) : new Node.Seq<>(List.copyOf(items));
    }

    private Node<D> quantified(Node<D> n) {
      while (pos < src.length()) {
        char c = src.charAt(pos);
        int min;
        int max;
        if (c == '?') {
          min = 0;
          max = 1;
          pos++;
        } else if (c == '*') {
          min = 0;
          max = Integer.MAX_VALUE;
          pos++;
        } else if (c == '+') {
          min = 1;
          max = Integer.MAX_VALUE;
          pos++;
        } else if (c == '{') {
          int close = src.indexOf('}', pos);
          if (close < 0) {
            throw error("an unclosed {m,n}");
          }
          String[] mn = src.substring(pos + 1, close).split(",", -1);
          try {
            min = Integer.parseInt(mn[0].trim());
            max = mn.length == 1 ? min : mn[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(mn[1].trim());
          } catch (NumberFormatException e) {
            throw error("a bad repetition {" + src.substring(pos + 1, close) + "}");
          }
          if (min < 0 || max < min || mn.length > 2) {
            throw error("a bad repetition {" + src.substring(pos + 1, close) + "}");
          }
          pos = close + 1;
        } else {
          break;
        }
        boolean greedy = true;
        if (pos < src.length() && src.charAt(pos) == '?') {
          greedy = false;
          pos++;
        }
        n = new Node.Repeat<>(n, min, max, greedy);
      }
      return n;
    }

    private Node<D> primary() {
      skipSpace();
      char c = src.charAt(pos);
      switch (c) {
        case '(':
          return group();
        case '[':
          return new Node.Atom<>(bracket());
        case '/':
          return new Node.Atom<>(regex());
        case '"':
          return new Node.Atom<>(new Node.Word<>(quoted()));
        case '^':
          pos++;
          return new Node.Anchor<>(true);
        case '$':
          return macroOrEnd();
        default:
          if (SPECIAL.indexOf(c) >= 0) {
            throw error("unexpected '" + c + "'");
          }
          return new Node.Atom<>(new Node.Word<>(word()));
      }
    }

    private Node<D> group() {
      pos++;
      String name = null;
      if (src.startsWith("?<", pos)) {
        int close = src.indexOf('>', pos);
        if (close < 0) {
          throw error("an unclosed group name");
        }
        name = src.substring(pos + 2, close);
        if (!name.matches("[a-z][a-z0-9_]*")) {
          throw error("a group name is lower case letters, digits and _: " + name);
        }
        pos = close + 1;
      }
      Node<D> inner = alternatives();
      if (!peek(')')) {
        throw error("a missing ')'");
      }
      pos++;
      return name == null ? inner : new Node.Group<>(name, inner);
    }

    private Node<D> macroOrEnd() {
      pos++;
      int start = pos;
      while (pos < src.length() && (Character.isUpperCase(src.charAt(pos)) || Character.isDigit(src.charAt(pos))
          || src.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        return new Node.Anchor<>(false);
      }
      String name = src.substring(start, pos);
      Node<D> m = macros.get(name);
      if (m == null) {
        throw error("an undefined macro $" + name);
      }
      return m;
    }

    private String word() {
      int start = pos;
      while (pos < src.length() && !Character.isWhitespace(src.charAt(pos)) && SPECIAL.indexOf(src.charAt(pos)) < 0) {
        pos++;
      }
      return src.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    private String quoted() {
      int close = src.indexOf('"', pos + 1);
      if (close < 0) {
        throw error("an unclosed quote");
      }
      String w = src.substring(pos + 1, close).toLowerCase(Locale.ROOT);
      pos = close + 1;
      if (w.isEmpty()) {
        throw error("an empty quoted word");
      }
      return w;
    }

    private Node.AtomTest<D> regex() {
      int close = pos + 1;
      while (close < src.length() && (src.charAt(close) != '/' || src.charAt(close - 1) == '\\')) {
        close++;
      }
      if (close >= src.length()) {
        throw error("an unclosed regular expression");
      }
      String re = src.substring(pos + 1, close);
      pos = close + 1;
      try {
        return new Node.Regex<>(Pattern.compile(re));
      } catch (PatternSyntaxException e) {
        throw error("a bad regular expression /" + re + "/: " + e.getDescription());
      }
    }

    private Node.AtomTest<D> bracket() {
      int close = src.indexOf(']', pos);
      if (close < 0) {
        throw error("an unclosed '['");
      }
      String body = src.substring(pos + 1, close).trim();
      int at = pos;
      pos = close + 1;
      if (body.isEmpty()) {
        pos = at;
        throw error("an empty [ ]");
      }
      List<Node.Conjunction<D>> alts = new ArrayList<>();
      for (String alt : body.split("\\|")) {
        alts.add(conjunction(alt.trim(), at));
      }
      return new Node.Bracket<>(List.copyOf(alts));
    }

    private Node.Conjunction<D> conjunction(String text, int at) {
      Primitive<D> unit = null;
      List<Node.Term<D>> props = new ArrayList<>();
      for (String raw : text.split("&")) {
        String t = raw.trim();
        boolean negated = t.startsWith("!");
        if (negated) {
          t = t.substring(1).trim();
        }
        if (t.isEmpty()) {
          pos = at;
          throw error("an empty term in [" + text + "]");
        }
        String name = t;
        List<String> values = List.of();
        int eq = t.indexOf('=');
        if (eq >= 0) {
          name = t.substring(0, eq).trim();
          values = List.of(t.substring(eq + 1).trim().split("\\s*,\\s*"));
        }
        Primitive<D> p;
        try {
          p = resolver.resolve(name, values);
        } catch (PatternException e) {
          pos = at;
          throw error(e.getMessage());
        }
        if (p.isUnit() && !negated && unit == null && !"any".equals(name)) {
          unit = p;
        } else {
          props.add(new Node.Term<>(p, negated));
        }
      }
      return new Node.Conjunction<>(unit, List.copyOf(props));
    }
  }
}

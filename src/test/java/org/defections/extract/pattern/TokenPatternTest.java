package org.defections.extract.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.defections.extract.text.TokenRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pattern language over a toy document: tokens are words; a "chunk" is a run of upper-case words (so that unit
 * atoms consume several tokens); the word class V holds the vowel-initial words.
 */
class TokenPatternTest {
  /** A toy document: its words, lower-cased as keys. */
  record Toy(List<String> words) implements TokenSequence {
    static Toy of(String text) {
      return new Toy(Arrays.asList(text.split(" ")));
    }

    @Override
    public int size() {
      return words.size();
    }

    @Override
    public String key(int i) {
      return words.get(i).toLowerCase(Locale.ROOT);
    }

    boolean upper(int i) {
      return Character.isUpperCase(words.get(i).charAt(0));
    }
  }

  private static final PrimitiveResolver<Toy> TOY = (name, values) -> switch (name) {
    case "caps" -> new Primitive<>() { // a run of capitalised words
      @Override
      public boolean isUnit() {
        return true;
      }

      @Override
      public int unitEnd(Toy d, int i) {
        if (!d.upper(i) || (i > 0 && d.upper(i - 1))) {
          return -1;
        }
        int e = i;
        while (e < d.size() && d.upper(e)) {
          e++;
        }
        return e;
      }

      @Override
      public boolean holds(Toy d, int b, int e) {
        for (int i = b; i < e; i++) {
          if (!d.upper(i)) {
            return false;
          }
        }
        return true;
      }
    };
    case "w" -> new Primitive<>() {
      @Override
      public boolean isUnit() {
        return false;
      }

      @Override
      public int unitEnd(Toy d, int i) {
        return holds(d, i, i + 1) ? i + 1 : -1;
      }

      @Override
      public boolean holds(Toy d, int b, int e) {
        for (int i = b; i < e; i++) {
          if (!values.contains("V") || "aeiou".indexOf(d.key(i).charAt(0)) < 0) {
            return false;
          }
        }
        return true;
      }
    };
    case "any" -> new Primitive<>() {
      @Override
      public boolean isUnit() {
        return false;
      }

      @Override
      public int unitEnd(Toy d, int i) {
        return i + 1;
      }

      @Override
      public boolean holds(Toy d, int b, int e) {
        return true;
      }
    };
    default -> throw new PatternException("unknown primitive [" + name + "]");
  };

  static Stream<Arguments> matches() {
    return Stream.of(
        // pattern, text, expected match (tokens of the first match found left to right) or null, group x or null
        Arguments.of("two soldiers", "then two soldiers left", "two soldiers", null),
        Arguments.of("/sold.*/", "two soldiers left", "soldiers", null),
        Arguments.of("[caps] left", "then John Paul Smith left", "John Paul Smith left", null),
        Arguments.of("(?<x> [caps]) left", "then John Paul left", "John Paul left", "John Paul"),
        Arguments.of("a ( b | c )+ d", "a b c b d", "a b c b d", null),
        Arguments.of("a b? c", "x a c", "a c", null),
        Arguments.of("a (?<x> [!caps]{1,2}) d", "a b c d", "a b c d", "b c"),
        Arguments.of("a (?<x> [!caps]{1,2}) d", "a b c e d", null, null),
        Arguments.of("(?<x> [any]*) end", "one two end", "one two end", "one two"),
        Arguments.of("(?<x> [any]*?) two", "one two two", "one two", "one"),
        Arguments.of("[w=V] [w=V]", "by an old oak", "an old", null),
        Arguments.of("[caps & w=V] x", "Ann x", "Ann x", null),
        Arguments.of("[caps | w=V] x", "ann x", "ann x", null),
        Arguments.of("^ one", "one one", "one", null),
        Arguments.of("two $", "two two", "two", null),
        Arguments.of("\",\" and", "x , and", ", and", null));
  }

  @ParameterizedTest
  @MethodSource
  void matches(String pattern, String text, String expected, String group) {
    PatternParser<Toy> parser = new PatternParser<>(TOY);
    parser.define("ANY", "[w=V] | [caps]", "test");
    TokenPattern<Toy> p = parser.parse(pattern, "test");
    Toy doc = Toy.of(text);
    Match m = p.find(doc, new TokenRange(0, doc.size()), x -> !x.range().isEmpty());
    if (expected == null) {
      assertNull(m, pattern + " on " + text);
      return;
    }
    assertEquals(expected, words(doc, m.range()), pattern + " on " + text);
    assertEquals(group, m.group("x") == null ? null : words(doc, m.group("x")));
  }

  @Test
  void anchorsAreThoseOfTheSpanSearched() {
    PatternParser<Toy> parser = new PatternParser<>(TOY);
    TokenPattern<Toy> p = parser.parse("^ b", "test");
    Toy doc = Toy.of("a b c");
    assertNull(p.find(doc, new TokenRange(0, 3), x -> true));
    assertEquals(new TokenRange(1, 2), p.find(doc, new TokenRange(1, 3), x -> true).range());
  }

  @Test
  void anAcceptTestChoosesAmongMatchesByBacktracking() {
    PatternParser<Toy> parser = new PatternParser<>(TOY);
    TokenPattern<Toy> p = parser.parse("(?<x> [any]+) (?<y> [any]+)", "test");
    Toy doc = Toy.of("a b c d");
    Match m = p.matchAt(doc, 0, new TokenRange(0, 4), x -> x.group("y").length() == 3);
    assertEquals(new TokenRange(0, 1), m.group("x"));
  }

  @Test
  void findAllGivesNonOverlappingMatchesLeftToRight() {
    TokenPattern<Toy> p = new PatternParser<>(TOY).parse("[caps]", "test");
    Toy doc = Toy.of("A B c D e F G");
    assertEquals(List.of("A B", "D", "F G"), p.findAll(doc, new TokenRange(0, doc.size())).stream()
        .map(m -> words(doc, m.range())).toList());
  }

  @Test
  void macrosAreExpandedAndGroupsListed() {
    PatternParser<Toy> parser = new PatternParser<>(TOY);
    parser.define("PAIR", "(?<first> [any]) (?<second> [any])", "test");
    TokenPattern<Toy> p = parser.parse("start $PAIR (?<last> end)", "test");
    assertEquals(java.util.Set.of("first", "second", "last"), p.groups());
    Toy doc = Toy.of("start x y end");
    assertEquals("y", words(doc, p.find(doc, new TokenRange(0, 4), m -> true).group("second")));
  }

  @Test
  void aRunawayPatternGivesUpInsteadOfHanging() {
    TokenPattern<Toy> p = new PatternParser<>(TOY).parse("( [any]* )* z", "test");
    Toy doc = Toy.of(String.join(" ", java.util.Collections.nCopies(40, "a")));
    assertNull(p.find(doc, new TokenRange(0, doc.size()), m -> true));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("a (b", "f line 3: a missing ')' at column 5 of: a (b"),
        Arguments.of("a ) b", "f line 3: unexpected ')' at column 3 of: a ) b"),
        Arguments.of("[nope]", "f line 3: unknown primitive [nope] at column 1 of: [nope]"),
        Arguments.of("$MISSING a", "f line 3: an undefined macro $MISSING at column 9 of: $MISSING a"),
        Arguments.of("a{3,1}", "f line 3: a bad repetition {3,1} at column 2 of: a{3,1}"),
        Arguments.of("/(/", "f line 3: a bad regular expression /(/: Unclosed group at column 4 of: /(/"),
        Arguments.of("(?<Bad> a)", "f line 3: a group name is lower case letters, digits and _: Bad at column 2 of: "
            + "(?<Bad> a)"),
        Arguments.of("a | ", "f line 3: an empty pattern or alternative at column 5 of: a | "));
  }

  @ParameterizedTest
  @MethodSource
  void errors(String pattern, String message) {
    PatternException e = assertThrows(PatternException.class, () -> new PatternParser<>(TOY).parse(pattern,
        "f line 3"));
    assertEquals(message, e.getMessage());
  }

  private static String words(Toy d, TokenRange r) {
    return String.join(" ", d.words().subList(r.begin(), r.end()));
  }
}

package org.defections.extract.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.defections.extract.pattern.PatternException;
import org.defections.extract.pattern.Primitive;
import org.defections.extract.pattern.PrimitiveResolver;
import org.defections.lexicon.RankClass;
import org.defections.lexicon.TriggerKind;

/**
 * The bracket primitives of the rule language over a {@link Document}.
 *
 * <table>
 *   <caption>Primitives</caption>
 *   <tr><th>name</th><th>kind</th><th>values</th></tr>
 *   <tr><td>rank</td><td>chunk</td><td>rank classes (DIPLOMAT, GENERAL_OFFICER ...), MILITARY, OFFICER</td></tr>
 *   <tr><td>place</td><td>chunk</td><td>NAME, DEMONYM, CAPITAL, REGIME, FORCE, CONTEXT, ORIGIN (tells a person's
 *       state: demonym, regime, force, possessive)</td></tr>
 *   <tr><td>trigger</td><td>chunk</td><td>kinds (VERB, NOUN, ASYLUM, RESIGN, RETURN, AGENT), STRONG, WEAK</td></tr>
 *   <tr><td>date</td><td>chunk</td><td></td></tr>
 *   <tr><td>name</td><td>chunk</td><td></td></tr>
 *   <tr><td>num</td><td>token</td><td>a count the token gives (digits, number word)</td></tr>
 *   <tr><td>cap</td><td>token</td><td>a capitalised word</td></tr>
 *   <tr><td>w</td><td>token</td><td>word classes of the rule set or the lexicon</td></tr>
 *   <tr><td>first, last</td><td>property</td><td>word classes of the first (last) token of the atom</td></tr>
 *   <tr><td>possessive</td><td>property</td><td>the last token is a possessive</td></tr>
 *   <tr><td>plural</td><td>property</td><td>a plural rank, or a word ending in -s</td></tr>
 *   <tr><td>any</td><td>token</td><td>any token</td></tr>
 * </table>
 */
public final class DocumentPrimitives implements PrimitiveResolver<Document> {
  public static final DocumentPrimitives INSTANCE = new DocumentPrimitives();

  private DocumentPrimitives() {}

  @Override
  public Primitive<Document> resolve(String name, List<String> values) {
    switch (name) {
      case "rank":
        return chunk(Document::rank, c -> c.range().begin(), c -> c.range().end(), rankFilter(values));
      case "place":
        return chunk(Document::place, c -> c.range().begin(), c -> c.range().end(), placeFilter(values));
      case "trigger":
        return chunk(Document::trigger, c -> c.range().begin(), c -> c.range().end(), triggerFilter(values));
      case "date":
        noValues(name, values);
        return chunk(Document::date, c -> c.range().begin(), c -> c.range().end(), c -> true);
      case "name":
        noValues(name, values);
        return chunk(Document::name, c -> c.range().begin(), c -> c.range().end(), c -> true);
      case "num":
        noValues(name, values);
        return token((d, i) -> d.number(i) != null);
      case "cap":
        noValues(name, values);
        return token(Document::capitalized);
      case "any":
        noValues(name, values);
        return token((d, i) -> true);
      case "w":
        if (values.isEmpty()) {
          throw new PatternException("[w=...] needs one or more word classes");
        }
        return token((d, i) -> values.stream().anyMatch(c -> d.is(i, c)));
      case "first":
      case "last":
        if (values.isEmpty()) {
          throw new PatternException("[" + name + "=...] needs one or more word classes");
        }
        boolean first = name.equals("first");
        return property((d, b, e) -> values.stream().anyMatch(c -> d.is(first ? b : e - 1, c)));
      case "possessive":
        noValues(name, values);
        return property((d, b, e) -> e > b && d.possessive(e - 1));
      case "plural":
        noValues(name, values);
        return property((d, b, e) -> {
          Chunks.Rank r = d.rank(e - 1);
          return r != null ? r.plural() : d.key(e - 1).endsWith("s") && !d.key(e - 1).endsWith("ss");
        });
      default:
        throw new PatternException("unknown primitive [" + name + "]; known: rank place trigger date name num cap w "
            + "first last possessive plural any");
    }
  }

  private static void noValues(String name, List<String> values) {
    if (!values.isEmpty()) {
      throw new PatternException("[" + name + "] takes no values");
    }
  }

  private static Predicate<Chunks.Rank> rankFilter(List<String> values) {
    if (values.isEmpty()) {
      return r -> true;
    }
    for (String v : values) {
      if (!v.equals("MILITARY") && !v.equals("OFFICER")) {
        RankClass.parse(checked(v, Arrays.stream(RankClass.values()).map(Enum::name).toList(), "rank"));
      }
    }
    Set<String> vs = Set.copyOf(values);
    return r -> vs.contains(r.type().name()) || vs.contains("MILITARY") && r.type().military()
        || vs.contains("OFFICER") && r.type().officer();
  }

  private static Predicate<Chunks.Place> placeFilter(List<String> values) {
    if (values.isEmpty()) {
      return p -> true;
    }
    List<String> kinds = new java.util.ArrayList<>(Arrays.stream(Chunks.PlaceKind.values()).map(Enum::name).toList());
    kinds.add("ORIGIN");
    values.forEach(v -> checked(v, kinds, "place"));
    Set<String> vs = Set.copyOf(values);
    return p -> vs.contains(p.kind().name()) || vs.contains("ORIGIN") && p.tellsOrigin();
  }

  private static Predicate<Chunks.Trigger> triggerFilter(List<String> values) {
    if (values.isEmpty()) {
      return t -> true;
    }
    List<String> kinds = new java.util.ArrayList<>(Arrays.stream(TriggerKind.values()).map(Enum::name).toList());
    kinds.add("STRONG");
    kinds.add("WEAK");
    values.forEach(v -> checked(v, kinds, "trigger"));
    Set<String> vs = Set.copyOf(values);
    return t -> vs.contains(t.kind().name()) || vs.contains(t.strong() ? "STRONG" : "WEAK");
  }

  private static String checked(String v, List<String> allowed, String name) {
    if (!allowed.contains(v.toUpperCase(Locale.ROOT)) || !v.equals(v.toUpperCase(Locale.ROOT))) {
      throw new PatternException("[" + name + "=" + v + "]: not one of " + allowed);
    }
    return v;
  }

  private interface TokenTest {
    boolean test(Document d, int i);
  }

  private interface RangeTest {
    boolean test(Document d, int begin, int end);
  }

  /** A test of each token, as a property: it holds of a range when it holds of every token. */
  private static Primitive<Document> token(TokenTest t) {
    return property((d, b, e) -> {
      for (int i = b; i < e; i++) {
        if (!t.test(d, i)) {
          return false;
        }
      }
      return true;
    });
  }

  private static Primitive<Document> property(RangeTest t) {
    return new Primitive<>() {
      @Override
      public boolean isUnit() {
        return false;
      }

      @Override
      public int unitEnd(Document d, int i) {
        return t.test(d, i, i + 1) ? i + 1 : -1;
      }

      @Override
      public boolean holds(Document d, int b, int e) {
        return e > b && t.test(d, b, e);
      }
    };
  }

  private interface Layer<C> {
    C at(Document d, int i);
  }

  private static <C> Primitive<Document> chunk(Layer<C> layer, Function<C, Integer> begin, Function<C, Integer> end,
      Predicate<C> filter) {
    return new Primitive<>() {
      @Override
      public boolean isUnit() {
        return true;
      }

      @Override
      public int unitEnd(Document d, int i) {
        C c = layer.at(d, i);
        return c != null && begin.apply(c) == i && filter.test(c) ? end.apply(c) : -1;
      }

      @Override
      public boolean holds(Document d, int b, int e) {
        for (int i = b; i < e; i++) {
          C c = layer.at(d, i);
          if (c == null || !filter.test(c)) {
            return false;
          }
        }
        return e > b;
      }
    };
  }
}

package org.defections.extract.pattern;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.defections.extract.text.TokenRange;

/**
 * The compiled form of a pattern: a tree matched by backtracking. Each node matches at a token position and hands
 * every end position it can reach, in order of preference, to a continuation; the first continuation that succeeds
 * ends the search.
 */
sealed interface Node<D extends TokenSequence> {
  boolean match(MatchState<D> s, int i, IntPredicate next);

  /** One atom: a literal word, a regular expression over the token key, or a bracket test. */
  record Atom<D extends TokenSequence>(AtomTest<D> test) implements Node<D> {
    @Override
    public boolean match(MatchState<D> s, int i, IntPredicate next) {
      if (!s.step() || i >= s.limit()) {
        return false;
      }
      int end = test.end(s.doc(), i);
      return end > i && end <= s.limit() && next.test(end);
    }
  }

  record Seq<D extends TokenSequence>(List<Node<D>> items) implements Node<D> {
    @Override
    public boolean match(MatchState<D> s, int i, IntPredicate next) {
      return from(0, s, i, next);
    }

    private boolean from(int k, MatchState<D> s, int i, IntPredicate next) {
      if (k == items.size()) {
        return next.test(i);
      }
      return items.get(k).match(s, i, j -> from(k + 1, s, j, next));
    }
  }

  record Alt<D extends TokenSequence>(List<Node<D>> alternatives) implements Node<D> {
    @Override
    public boolean match(MatchState<D> s, int i, IntPredicate next) {
      for (Node<D> a : alternatives) {
        if (a.match(s, i, next)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code min} to {@code max} repetitions; greedy tries more first, lazy fewer. */
  record Repeat<D extends TokenSequence>(Node<D> node, int min, int max, boolean greedy) implements Node<D> {
    @Override
    public boolean match(MatchState<D> s, int i, IntPredicate next) {
      return times(0, s, i, next);
    }

    private boolean times(int count, MatchState<D> s, int i, IntPredicate next) {
      boolean enough = count >= min;
      if (enough && !greedy && next.test(i)) {
        return true;
      }
      // a repetition that consumed nothing ends the loop once the minimum is met
      if (count < max && node.match(s, i, j -> (j > i || count < min) && times(count + 1, s, j, next))) {
        return true;
      }
      return enough && greedy && next.test(i);
    }
  }

  /** A named group: the tokens its node covers are recorded under its name while the rest of the match is tried. */
  record Group<D extends TokenSequence>(String name, Node<D> node) implements Node<D> {
    @Override
    public boolean match(MatchState<D> s, int i, IntPredicate next) {
      return node.match(s, i, j -> {
        TokenRange old = s.captures().put(name, new TokenRange(i, j));
        if (next.test(j)) {
          return true;
        }
        if (old == null) {
          s.captures().remove(name);
        } else {
          s.captures().put(name, old);
        }
        return false;
      });
    }
  }

  /** {@code ^}: the start of the span searched; {@code $}: its end. */
  record Anchor<D extends TokenSequence>(boolean start) implements Node<D> {
    @Override
    public boolean match(MatchState<D> s, int i, IntPredicate next) {
      return (start ? i == s.bounds().begin() : i == s.limit()) && next.test(i);
    }
  }

  /** How far an atom reaches from a token: its end, or -1 when it does not match there. */
  interface AtomTest<D extends TokenSequence> {
    int end(D doc, int i);
  }

  record Word<D extends TokenSequence>(String key) implements AtomTest<D> {
    @Override
    public int end(D doc, int i) {
      return doc.key(i).equals(key) ? i + 1 : -1;
    }
  }

  record Regex<D extends TokenSequence>(Pattern pattern) implements AtomTest<D> {
    @Override
    public int end(D doc, int i) {
      return pattern.matcher(doc.key(i)).matches() ? i + 1 : -1;
    }
  }

  /**
   * A bracket test: alternatives of conjunctions. The extent of a conjunction is that of its one positive unit (a
   * chunk), else one token; its other terms are properties of that extent.
   */
  record Bracket<D extends TokenSequence>(List<Conjunction<D>> alternatives) implements AtomTest<D> {
    @Override
    public int end(D doc, int i) {
      for (Conjunction<D> c : alternatives) {
        int e = c.end(doc, i);
        if (e > i) {
          return e;
        }
      }
      return -1;
    }
  }

  record Term<D>(Primitive<D> primitive, boolean negated) {}

  record Conjunction<D extends TokenSequence>(Primitive<D> unit, List<Term<D>> properties) {
    int end(D doc, int i) {
      int e = unit == null ? i + 1 : unit.unitEnd(doc, i);
      if (e <= i) {
        return -1;
      }
      for (Term<D> t : properties) {
        if (t.primitive().holds(doc, i, e) == t.negated()) {
          return -1;
        }
      }
      return e;
    }
  }
}

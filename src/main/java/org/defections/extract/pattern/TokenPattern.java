package org.defections.extract.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.defections.extract.text.TokenRange;

/**
 * A compiled token pattern (see {@link PatternParser} for the syntax). Matches run inside a span of the document (a
 * sentence, a clause, a noun phrase); an atom never reaches past its end.
 *
 * @param <D> the document type
 */
public final class TokenPattern<D extends TokenSequence> {
  private final Node<D> root;
  private final String source;
  private final java.util.Set<String> groups;

  TokenPattern(Node<D> root, String source) {
    this.root = root;
    this.source = source;
    java.util.Set<String> names = new java.util.TreeSet<>();
    collectGroups(root, names);
    this.groups = java.util.Collections.unmodifiableSet(names);
  }

  private static <D extends TokenSequence> void collectGroups(Node<D> n, java.util.Set<String> out) {
    if (n instanceof Node.Group<D> g) {
      out.add(g.name());
      collectGroups(g.node(), out);
    } else if (n instanceof Node.Seq<D> s) {
      s.items().forEach(x -> collectGroups(x, out));
    } else if (n instanceof Node.Alt<D> a) {
      a.alternatives().forEach(x -> collectGroups(x, out));
    } else if (n instanceof Node.Repeat<D> r) {
      collectGroups(r.node(), out);
    }
  }

  /** The name of the group the pattern starts with (its first element), or null. */
  public String leadingGroup() {
    Node<D> first = root instanceof Node.Seq<D> s ? s.items().get(0) : root;
    return first instanceof Node.Group<D> g ? g.name() : null;
  }

  /**
   * The accepted match where group {@code group} covers exactly {@code range}, with the leftmost start in
   * [bounds.begin, range.begin]; a pattern that starts with that group is tried at the range's start only.
   */
  public Match findAnchored(D doc, TokenRange bounds, String group, TokenRange range) {
    java.util.function.Predicate<Match> accept = m -> range.equals(m.group(group));
    if (group.equals(leadingGroup())) {
      return matchAt(doc, range.begin(), bounds, accept);
    }
    return find(doc, bounds, range.begin(), accept);
  }

  /** The names of the pattern's groups. */
  public java.util.Set<String> groups() {
    return groups;
  }

  public String source() {
    return source;
  }

  /**
   * The preferred match that starts at token {@code start} inside {@code bounds} and that {@code accept} takes, or
   * null. Preference is the pattern's own order: greedy repetitions longest first, alternatives left to right.
   */
  public Match matchAt(D doc, int start, TokenRange bounds, Predicate<Match> accept) {
    if (start < bounds.begin() || start > bounds.end()) {
      return null;
    }
    MatchState<D> s = new MatchState<>(doc, bounds);
    Match[] found = new Match[1];
    root.match(s, start, end -> {
      Match m = new Match(new TokenRange(start, end), s.captures());
      if (accept.test(m)) {
        found[0] = m;
        return true;
      }
      return false;
    });
    return found[0];
  }

  /** The accepted match with the leftmost start inside {@code bounds}, or null. */
  public Match find(D doc, TokenRange bounds, Predicate<Match> accept) {
    return find(doc, bounds, bounds.end(), accept);
  }

  /** The accepted match with the leftmost start in [bounds.begin, lastStart] inside {@code bounds}, or null. */
  public Match find(D doc, TokenRange bounds, int lastStart, Predicate<Match> accept) {
    for (int i = bounds.begin(); i <= Math.min(lastStart, bounds.end()); i++) {
      Match m = matchAt(doc, i, bounds, accept);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /** The first match at or after {@code from} inside {@code bounds} that covers at least one token, or null. */
  public Match findFrom(D doc, int from, TokenRange bounds) {
    for (int i = Math.max(from, bounds.begin()); i < bounds.end(); i++) {
      Match m = matchAt(doc, i, bounds, x -> !x.range().isEmpty());
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /** Non-overlapping matches left to right, each of at least one token. */
  public List<Match> findAll(D doc, TokenRange bounds) {
    List<Match> out = new ArrayList<>();
    int i = bounds.begin();
    while (i < bounds.end()) {
      Match m = findFrom(doc, i, bounds);
      if (m == null) {
        break;
      }
      out.add(m);
      i = m.range().end();
    }
    return out;
  }

  @Override
  public String toString() {
    return source;
  }
}

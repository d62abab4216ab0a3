package org.defections.extract.pattern;

/**
 * A named test inside a bracket atom of a pattern ({@code [rank=DIPLOMAT]}, {@code [name]}, {@code [w=AUX]}). A
 * primitive is either a <em>unit</em>, which decides how many tokens the atom consumes (an annotation chunk: a rank
 * phrase, a place, a trigger, a date, a name), or a <em>property</em> of the tokens the atom covers. Every primitive
 * can serve as a property: a unit tested as a property holds when each token of the range lies inside such a unit
 * (so {@code [!rank]} is a token that is no part of a rank phrase).
 *
 * @param <D> the document type the pattern runs over
 */
public interface Primitive<D> {
  /** Whether this primitive decides the atom's extent. */
  boolean isUnit();

  /** For a unit: the end (exclusive) of the unit that starts at token {@code i}, or -1 when none starts there. */
  int unitEnd(D doc, int i);

  /** As a property: whether it holds of tokens [begin, end). */
  boolean holds(D doc, int begin, int end);
}

package org.defections.extract.pattern;

/** What every document a pattern runs over offers: its tokens, as lookup keys (lower case, straight apostrophes). */
public interface TokenSequence {
  int size();

  /** The lookup key of token {@code i}. */
  String key(int i);
}

package org.defections.extract.pattern;

import java.util.Map;
import org.defections.extract.text.TokenRange;

/** A match of a token pattern: the tokens it covers and the tokens of each named group that took part. */
public record Match(TokenRange range, Map<String, TokenRange> groups) {
  public Match {
    groups = Map.copyOf(groups);
  }

  /** The tokens of a named group, or null when the group did not take part in the match (or no name is given). */
  public TokenRange group(String name) {
    return name == null ? null : groups.get(name);
  }

  public boolean has(String name) {
    return groups.containsKey(name);
  }
}

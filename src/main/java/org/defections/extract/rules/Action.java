package org.defections.extract.rules;

import java.util.List;

/** A rule's action: a named function of the engine and its arguments (group names or values), as written. */
public record Action(String name, List<String> args) {
  public Action {
    args = List.copyOf(args);
  }

  /** The argument at {@code i}, or null when there are fewer. */
  public String arg(int i) {
    return i < args.size() ? args.get(i) : null;
  }

  @Override
  public String toString() {
    return name + "(" + String.join(", ", args) + ")";
  }
}

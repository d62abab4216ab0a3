package org.defections.extract.text;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Word classes a rule set defines ({@code class AUX = has have had ...}): closed lists of words the patterns test with
 * {@code [w=AUX]} and the passes read by name, beside the classes of the lexicons' word files.
 */
public final class WordClasses implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, Set<String>> classes = new HashMap<>();

  public void add(String cls, Set<String> keys) {
    classes.computeIfAbsent(cls, k -> new HashSet<>()).addAll(keys);
  }

  public boolean defines(String cls) {
    return classes.containsKey(cls);
  }

  public boolean contains(String cls, String key) {
    Set<String> s = classes.get(cls);
    return s != null && s.contains(key);
  }

  /** The words of a class.
   *
   * @throws IllegalArgumentException when the rule set defines no such class
   */
  public Set<String> words(String cls) {
    Set<String> s = classes.get(cls);
    if (s == null) {
      throw new IllegalArgumentException("the rule set defines no word class " + cls);
    }
    return Set.copyOf(s);
  }
}

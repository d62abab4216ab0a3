package org.defections.extract.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.defections.extract.pattern.PatternParser;
import org.defections.extract.pattern.TokenPattern;
import org.defections.extract.text.Document;
import org.defections.extract.text.WordClasses;

/**
 * The rules of one language, read from its rule files ({@code src/main/resources/rules/<language>/}): word classes,
 * parameters (named windows and limits), macros and rules by stage, in file order. Immutable once read.
 */
public final class RuleSet {
  private final String language;
  private final WordClasses classes;
  private final Map<String, Integer> params;
  private final Map<Stage, List<Rule>> byStage = new EnumMap<>(Stage.class);
  private final List<Rule> all;
  private final PatternParser<Document> parser;

  RuleSet(String language, WordClasses classes, Map<String, Integer> params, List<Rule> rules,
      PatternParser<Document> parser) {
    this.language = language;
    this.classes = classes;
    this.params = Map.copyOf(params);
    this.all = List.copyOf(rules);
    this.parser = parser;
    for (Stage s : Stage.values()) {
      byStage.put(s, new ArrayList<>());
    }
    for (Rule r : rules) {
      byStage.get(r.stage()).add(r);
    }
    byStage.replaceAll((s, l) -> Collections.unmodifiableList(l));
  }

  public String language() {
    return language;
  }

  public WordClasses classes() {
    return classes;
  }

  /** The rules of a stage, in file order. */
  public List<Rule> rules(Stage stage) {
    return byStage.get(stage);
  }

  public List<Rule> all() {
    return all;
  }

  /**
   * A named parameter of the rule files ({@code param ORIGIN_WINDOW = 8}).
   *
   * @throws IllegalArgumentException when the rule set does not define it
   */
  public int param(String name) {
    Integer v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException("the " + language + " rules define no parameter " + name);
    }
    return v;
  }

  /** Compiles a pattern with this rule set's macros (for the engine's own fixed patterns, and tests). */
  public TokenPattern<Document> pattern(String source) {
    return parser.parse(source, language + " pattern");
  }
}

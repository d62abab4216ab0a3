package org.defections.extract.rules;

import java.util.List;
import org.defections.extract.pattern.TokenPattern;
import org.defections.extract.text.Document;

/** One rule of a rule file: its id, stage, pattern, action and examples; {@code where} is its file and line. */
public record Rule(String id, Stage stage, TokenPattern<Document> pattern, Action action, List<Example> examples,
    String where) {
  public Rule {
    examples = List.copyOf(examples);
  }

  @Override
  public String toString() {
    return id;
  }
}

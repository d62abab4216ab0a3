package org.defections.extract.rules;

import java.util.List;
import org.defections.extract.pattern.TokenPattern;
import org.defections.extract.text.Document;

/**
 * One rule of a rule file: its id, stage, pattern, action and examples; {@code where} is its file and line. A trigger
 * rule also names its {@code cues}: phrases one of which any match holds, so that candidate selection keeps the
 * passages it may match in.
 */
public record Rule(String id, Stage stage, TokenPattern<Document> pattern, Action action, List<Example> examples,
    String where, List<String> cues) {
  public Rule {
    examples = List.copyOf(examples);
    cues = List.copyOf(cues);
  }

  @Override
  public String toString() {
    return id;
  }
}

package org.defections.extract.text;

/** The sentence of a trigger and the clause inside it that holds the trigger. */
public record Clause(TokenRange sentence, TokenRange clause) {
  public int begin() {
    return clause.begin();
  }

  public int end() {
    return clause.end();
  }
}

package org.defections.extract;

import java.util.List;
import org.defections.extract.passes.Passes;
import org.defections.extract.rules.RuleReader;
import org.defections.extract.rules.RuleSet;
import org.defections.extract.text.Document;
import org.defections.lexicon.LanguageLexicon;
import org.defections.lexicon.Lexicons;

/**
 * The extraction engine: from one annotated passage to its defection mentions, by the rules of the passage's language
 * ({@code rules/<language>/}) over the lexicons of that language. One engine for every language: a language is a
 * rule set and lexicons. Plain Java, no Spark; built once per language and lexicon set, then safe to share.
 *
 * <p>Requires: sentence, token, rank, place, trigger and date annotations (see {@link AnnotatedDocument}). Produces:
 * one {@link Mention} per defector per trigger, each with the rule that found it ({@code ruleId}); mentions that are
 * hedged, denied, statistics or of another sense carry their factuality or kept-out reason.
 */
public final class Extractor {
  private final Lexicons lexicons;
  private final LanguageLexicon lexicon;
  private final RuleSet rules;

  private Extractor(Lexicons lexicons, String language) {
    this.lexicons = lexicons;
    this.lexicon = lexicons.language(language);
    this.rules = RuleReader.read(language, lexicons.ruleFiles(language));
    Passes.check(rules);
  }

  /**
   * The engine of a language, built on first use and shared (per lexicon set: on an executor, per broadcast copy).
   *
   * @throws org.defections.extract.pattern.PatternException when a rule file is wrong, naming its file and line
   */
  public static Extractor forLanguage(Lexicons lexicons, String language) {
    return lexicons.derived("extractor:" + language, Extractor.class, lx -> new Extractor(lx, language));
  }

  public String language() {
    return lexicon.language();
  }

  public RuleSet rules() {
    return rules;
  }

  /** The mentions of one passage. */
  public List<Mention> extract(AnnotatedDocument passage) {
    return trace(passage).mentions();
  }

  /** The mentions of one passage and the ids of the rules that acted in them. */
  public Passes.Result trace(AnnotatedDocument passage) {
    return Passes.run(Document.of(passage, lexicon, rules.classes()), rules, lexicons);
  }
}

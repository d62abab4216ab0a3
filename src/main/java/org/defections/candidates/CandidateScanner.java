package org.defections.candidates;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.defections.extract.rules.Rule;
import org.defections.extract.rules.RuleReader;
import org.defections.extract.rules.Stage;
import org.defections.lexicon.Lexicons;

/**
 * The cheap scan that decides which text reaches Spark NLP: one pass of an Aho-Corasick automaton of all trigger
 * phrases (English and Spanish, whole, as the annotation pipeline matches them) and of the trigger rules' cues over
 * the cleaned article, then
 * passages of whole paragraphs around each hit ({@code contextParagraphs} before and after, extended to sentence
 * ends, at most {@code maxPassageChars} each), merged where they touch. Plain Java, no Spark.
 */
public final class CandidateScanner implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A candidate passage: [begin, end) in the cleaned article text. */
  public record Span(int begin, int end) implements Serializable {}

  private final PhraseAutomaton triggers;
  private final int contextParagraphs;
  private final int maxPassageChars;

  public CandidateScanner(Lexicons lexicons, int contextParagraphs, int maxPassageChars) {
    this.triggers = triggerAutomaton(lexicons);
    this.contextParagraphs = contextParagraphs;
    this.maxPassageChars = maxPassageChars;
  }

  /**
   * Every English and Spanish trigger phrase, whole (what the annotation pipeline's trigger matchers look for), and
   * every cue of a trigger rule. Built once per lexicons instance (per executor).
   */
  static PhraseAutomaton triggerAutomaton(Lexicons lexicons) {
    return lexicons.derived("candidate-triggers", PhraseAutomaton.class, CandidateScanner::buildTriggerAutomaton);
  }

  private static PhraseAutomaton buildTriggerAutomaton(Lexicons lexicons) {
    java.util.TreeSet<String> phrases = new java.util.TreeSet<>();
    for (Lexicons.TriggerEntry t : lexicons.triggers().values()) {
      if (!"RETURN".equals(t.kind())) { // a return counts only beside a defection, which is itself a hit
        phrases.add(PhraseAutomaton.normalise(t.phrase()));
      }
    }
    for (Lexicons.TriggerEntry t : lexicons.esTriggers().values()) {
      phrases.add(PhraseAutomaton.normalise(t.phrase()));
    }
    // the trigger rules' cues: a defection told without a lexicon phrase ("flew his MiG-21 to")
    for (String language : Lexicons.EXTRACTED_LANGUAGES) {
      for (Rule r : RuleReader.read(language, lexicons.ruleFiles(language)).rules(Stage.TRIGGER)) {
        r.cues().forEach(c -> phrases.add(PhraseAutomaton.normalise(c)));
      }
    }
    return new PhraseAutomaton(phrases);
  }

  /** True when the text holds at least one trigger phrase. */
  public boolean hasTrigger(String text) {
    return triggers.any(text);
  }

  /** Number of trigger-phrase occurrences in the text (what the scan floor of the benchmark counts). */
  public int countHits(String text) {
    return triggers.count(text);
  }

  /** Candidate passages of {@code text}, in order and disjoint; empty when nothing can hold a defection. */
  public List<Span> passages(String text) {
    List<Span> out = new ArrayList<>();
    List<PhraseAutomaton.Hit> hits = triggers.find(text);
    List<int[]> paragraphs = hits.isEmpty() ? null : paragraphs(text);
    for (PhraseAutomaton.Hit hit : hits) {
      int p = indexOf(paragraphs, hit.begin());
      int from = Math.max(0, p - contextParagraphs);
      int to = Math.min(paragraphs.size() - 1, p + contextParagraphs);
      // a passage ends where a sentence ends: hard-wrapped lines of one sentence stay together
      while (from > 0 && joined(text, paragraphs.get(from - 1), paragraphs.get(from))) {
        from--;
      }
      while (to + 1 < paragraphs.size() && joined(text, paragraphs.get(to), paragraphs.get(to + 1))) {
        to++;
      }
      int begin = paragraphs.get(from)[0];
      int end = paragraphs.get(to)[1];
      if (end - begin > maxPassageChars) {
        begin = Math.max(begin, hit.begin() - maxPassageChars / 2);
        end = Math.min(end, begin + maxPassageChars);
        begin = snapBack(text, begin);
      }
      if (!out.isEmpty() && begin <= out.get(out.size() - 1).end()) {
        Span last = out.remove(out.size() - 1);
        out.add(new Span(last.begin(), Math.max(last.end(), end)));
      } else {
        out.add(new Span(begin, end));
      }
    }
    return out;
  }

  /**
   * Whether two consecutive lines are one sentence for the annotation pipeline's sentence detector: a single line
   * break after a lower-case letter, comma or hyphen does not end a sentence (see
   * {@link AnnotationPipeline#boundaryPattern()}).
   */
  static boolean joined(String text, int[] line, int[] next) {
    if (next[0] != line[1] + 1) {
      return false; // a blank line between them
    }
    int j = line[1] - 1;
    while (j >= line[0] && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j--;
    }
    if (j < line[0]) {
      return false;
    }
    char c = text.charAt(j);
    return Character.isLowerCase(c) || c == ',' || c == '-';
  }

  private static int snapBack(String text, int begin) {
    for (int i = begin; i > 0 && begin - i < 400; i--) {
      char c = text.charAt(i - 1);
      if (c == '\n' || ((c == ' ') && i >= 2 && ".!?".indexOf(text.charAt(i - 2)) >= 0)) {
        return i;
      }
    }
    return begin;
  }

  /** Paragraphs as [begin, end) pairs: text separated by line breaks. */
  static List<int[]> paragraphs(String text) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i > start && !text.substring(start, i).isBlank()) {
          out.add(new int[] {start, i});
        }
        start = i + 1;
      }
    }
    if (out.isEmpty()) {
      out.add(new int[] {0, text.length()});
    }
    return out;
  }

  private static int indexOf(List<int[]> paragraphs, int pos) {
    for (int i = 0; i < paragraphs.size(); i++) {
      if (pos < paragraphs.get(i)[1]) {
        return i;
      }
    }
    return paragraphs.size() - 1;
  }
}

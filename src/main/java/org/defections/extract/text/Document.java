package org.defections.extract.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.defections.extract.AnnotatedDocument;
import org.defections.extract.AnnotatedDocument.Span;
import org.defections.extract.pattern.TokenSequence;
import org.defections.lexicon.LanguageLexicon;
import org.defections.lexicon.Lexicons;

/**
 * One annotated passage as the extraction engine reads it: tokens, sentences and the chunk layers (ranks, places,
 * triggers, dates, names, numbers) by token. Built from the annotation stage's output ({@link AnnotatedDocument})
 * and the lexicons of its language; the trigger layer takes the triggers that trigger rules add
 * ({@link #addTrigger}) before extraction starts, and nothing changes after that.
 *
 * <p>Places come from the place chunks, from "the" + a lexicon phrase ("the Gambia") and from single tokens the
 * matcher could not see (a possessive "Syria's", a particle "al-Sham"); a region of context ("the South") names its
 * state only when the passage names the state it stands against.
 */
public final class Document implements TokenSequence {

  private final AnnotatedDocument source;
  private final LanguageLexicon lexicon;
  private final WordClasses classes;
  private final List<TokenView> tokens;
  private final List<TokenRange> sentences;
  final Chunks.Rank[] rankAt;
  final Chunks.Place[] placeAt;
  final Chunks.Trigger[] triggerAt;
  final Chunks.Date[] dateAt;
  final Chunks.Name[] nameAt;
  final Integer[] numberAt;
  private final List<Chunks.Trigger> triggers = new ArrayList<>();
  final Map<String, Integer> stateMentions = new HashMap<>();

  private Document(AnnotatedDocument source, LanguageLexicon lexicon, WordClasses classes) {
    this.source = source;
    this.lexicon = lexicon;
    this.classes = classes;
    List<TokenView> ts = new ArrayList<>();
    for (Span t : source.tokens()) {
      ts.add(new TokenView(ts.size(), t.text(), key(t.text()), stripPossessive(t.text()), t.sentence(),
          t.begin(), t.end()));
    }
    this.tokens = Collections.unmodifiableList(ts);
    int n = ts.size();
    rankAt = new Chunks.Rank[n];
    placeAt = new Chunks.Place[n];
    triggerAt = new Chunks.Trigger[n];
    dateAt = new Chunks.Date[n];
    nameAt = new Chunks.Name[n];
    numberAt = new Integer[n];
    this.sentences = sentenceRanges(source.sentences().size());
  }

  /** Builds the document of a passage in the language of {@code lexicon}. */
  public static Document of(AnnotatedDocument source, LanguageLexicon lexicon, WordClasses classes) {
    Document d = new Document(source, lexicon, classes);
    Layers.fill(d);
    return d;
  }

  private List<TokenRange> sentenceRanges(int count) {
    int[] start = new int[count];
    int[] end = new int[count];
    java.util.Arrays.fill(start, -1);
    for (TokenView t : tokens) {
      if (t.sentence() >= 0 && t.sentence() < count) {
        if (start[t.sentence()] < 0) {
          start[t.sentence()] = t.index();
        }
        end[t.sentence()] = t.index() + 1;
      }
    }
    List<TokenRange> out = new ArrayList<>();
    int last = 0;
    for (int s = 0; s < count; s++) {
      out.add(start[s] < 0 ? new TokenRange(last, last) : new TokenRange(start[s], end[s]));
      last = start[s] < 0 ? last : end[s];
    }
    return Collections.unmodifiableList(out);
  }

  /** Adds a trigger (of the lexicon, or made by a trigger rule) unless one already covers its first token. */
  public void addTrigger(Chunks.Trigger t) {
    if (triggerAt[t.range().begin()] != null) {
      return;
    }
    Layers.fill(triggerAt, t.range(), t);
    triggers.add(t);
    triggers.sort(java.util.Comparator.comparingInt(x -> x.range().begin()));
  }

  /**
   * The lexicon key of a token. The tokenizer leaves an abbreviation's full stop glued to the punctuation after it
   * ("the U.K., India": "U.K" then ".,"): such a token reads as that punctuation.
   */
  static String key(String text) {
    if (text.length() == 2 && text.charAt(0) == '.' && GLUED_PUNCTUATION.indexOf(text.charAt(1)) >= 0) {
      return text.substring(1);
    }
    return Lexicons.key(text);
  }

  private static final String GLUED_PUNCTUATION = ",;:";

  static String stripPossessive(String t) {
    if (t.endsWith("'s") || t.endsWith("\u2019s")) {
      return t.substring(0, t.length() - 2);
    }
    if (t.endsWith("s'") || t.endsWith("s\u2019")) {
      return t.substring(0, t.length() - 1);
    }
    return t;
  }

  // ------------------------------------------------------------------ reading

  public AnnotatedDocument source() {
    return source;
  }

  public LanguageLexicon lexicon() {
    return lexicon;
  }

  public String language() {
    return lexicon.language();
  }

  @Override
  public int size() {
    return tokens.size();
  }

  @Override
  public String key(int i) {
    return tokens.get(i).key();
  }

  public TokenView token(int i) {
    return tokens.get(i);
  }

  public String text(int i) {
    return tokens.get(i).text();
  }

  /** The token's text without a possessive "'s". */
  public String base(int i) {
    return tokens.get(i).base();
  }

  public int sentenceOf(int i) {
    return tokens.get(i).sentence();
  }

  public List<TokenRange> sentences() {
    return sentences;
  }

  public TokenRange sentence(int s) {
    return sentences.get(s);
  }

  /** The sentence range of a token. */
  public TokenRange sentenceAt(int i) {
    return sentences.get(sentenceOf(i));
  }

  public Chunks.Rank rank(int i) {
    return i >= 0 && i < size() ? rankAt[i] : null;
  }

  /** The rank chunk that starts at token {@code i}, or null. */
  public Chunks.Rank rankStarting(int i) {
    Chunks.Rank r = rank(i);
    return r != null && r.range().begin() == i ? r : null;
  }

  public Chunks.Place place(int i) {
    return i >= 0 && i < size() ? placeAt[i] : null;
  }

  public Chunks.Place placeStarting(int i) {
    Chunks.Place p = place(i);
    return p != null && p.range().begin() == i ? p : null;
  }

  public Chunks.Trigger trigger(int i) {
    return i >= 0 && i < size() ? triggerAt[i] : null;
  }

  /** Triggers in text order. */
  public List<Chunks.Trigger> triggers() {
    return Collections.unmodifiableList(triggers);
  }

  public Chunks.Date date(int i) {
    return i >= 0 && i < size() ? dateAt[i] : null;
  }

  public Chunks.Name name(int i) {
    return i >= 0 && i < size() ? nameAt[i] : null;
  }

  public Chunks.Name nameStarting(int i) {
    Chunks.Name n = name(i);
    return n != null && n.range().begin() == i ? n : null;
  }

  /** The names that lie inside a range, in order. */
  public List<Chunks.Name> names(TokenRange r) {
    List<Chunks.Name> out = new ArrayList<>();
    for (int i = r.begin(); i < r.end(); i++) {
      Chunks.Name n = nameStarting(i);
      if (n != null && n.range().end() <= r.end()) {
        out.add(n);
      }
    }
    return out;
  }

  /** The count a token gives (digits or a number word), or null. */
  public Integer number(int i) {
    return i >= 0 && i < size() ? numberAt[i] : null;
  }

  /** Whether token {@code i} is a word of class {@code cls}: of the rule set's classes, or of the lexicon's. */
  public boolean is(int i, String cls) {
    if (i < 0 || i >= size()) {
      return false;
    }
    String k = key(i);
    return classes.contains(cls, k) || cls.equals(lexicon.wordClassOfKey(k));
  }

  public boolean capitalized(int i) {
    return NameFinder.capitalized(base(i));
  }

  /** "Syria's", "Syria 's", "soldiers'": the token is (or ends) a possessive. */
  public boolean possessive(int i) {
    String t = text(i);
    return t.endsWith("'s") || t.endsWith("\u2019s") || (i + 1 < size() && "'s".equals(key(i + 1)));
  }

  /**
   * A name as the record writes it: the name chunk's text when the range is one (a surname alone gives the full name),
   * else the words of the range joined by spaces, the last without a possessive.
   */
  public String nameText(TokenRange r) {
    Chunks.Name chunk = r.isEmpty() ? null : nameStarting(r.begin());
    if (chunk != null && chunk.range().equals(r)) {
      return chunk.text(); // a surname alone reads as the full name given before
    }
    StringBuilder sb = new StringBuilder();
    for (int i = r.begin(); i < r.end(); i++) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(i == r.end() - 1 ? base(i) : text(i));
    }
    return sb.toString();
  }

  /** The passage text of a range, as written. */
  public String textOf(TokenRange r) {
    if (r.isEmpty()) {
      return "";
    }
    return source.text().substring(token(r.begin()).begin(), token(r.end() - 1).end());
  }

  /** How often the passage names each state (once per place phrase), for the fallback to its most named state. */
  public Map<String, Integer> stateMentions() {
    return Collections.unmodifiableMap(stateMentions);
  }

  public WordClasses classes() {
    return classes;
  }
}

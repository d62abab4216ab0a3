package org.defections.candidates;

import java.util.Iterator;
import java.util.Set;
import org.defections.ingest.Article;
import org.defections.ingest.ArticleCleaner;
import org.defections.ingest.LanguageDetector;
import org.defections.ingest.ParsedRecord;
import org.defections.lexicon.Lexicons;

/**
 * The one pass's work on each parsed record, plain Java (no Spark): what {@link CandidateSelection#scan} runs in each
 * partition. A reject passes through without its text; an accepted article gets its language ({@link
 * LanguageDetector}), its {@code head} unless the rows are folded, its content hash for {@link
 * CandidateSelection.Rows#EVERY_WITH_CONTENT_HASH} and, for the languages in {@code annotated}, its candidate
 * {@link Passage}s. Built once per partition: the cleaner, the trigger automaton and the detector come from the
 * lexicons (the automaton and the detector are shared by the executor's tasks).
 */
public final class RecordScanner {
  private final Set<String> annotated;
  private final boolean enabled;
  private final CandidateSelection.Rows rows;
  private final ArticleCleaner cleaner;
  private final CandidateScanner scanner;
  private final LanguageDetector detector;

  /**
   * {@code contextParagraphs} and {@code maxPassageChars} shape the passages ({@link CandidateScanner});
   * {@code enabled=false} passes each whole cleaned article of an annotated language as one passage.
   */
  public RecordScanner(Lexicons lexicons, Set<String> annotated, int contextParagraphs, int maxPassageChars,
      boolean enabled, CandidateSelection.Rows rows) {
    this.annotated = annotated;
    this.enabled = enabled;
    this.rows = rows;
    this.cleaner = new ArticleCleaner(lexicons.boilerplate());
    this.scanner = new CandidateScanner(lexicons, contextParagraphs, maxPassageChars);
    this.detector = lexicons.derived("language-detector", LanguageDetector.class, LanguageDetector::new);
  }

  /** The scanned records of {@code records}, one at a time; the articles without passages folded when the rows say. */
  public Iterator<ScannedRecord> scanAll(Iterator<ParsedRecord> records) {
    Iterator<ScannedRecord> scanned = new Iterator<ScannedRecord>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public ScannedRecord next() {
        return scan(records.next());
      }
    };
    return rows == CandidateSelection.Rows.FOLDED ? new RecordFolder(scanned) : scanned;
  }

  /** One record, scanned (never folded: {@link #scanAll} folds). */
  public ScannedRecord scan(ParsedRecord r) {
    ScannedRecord s = new ScannedRecord();
    s.setSource(r.getSource());
    s.setPosition(r.getPosition());
    s.setId(r.getId());
    s.setReason(r.getReason());
    s.setDetail(r.getDetail());
    s.setRaw(r.getRaw());
    if (r.getReason() != null) {
      return s;
    }
    String text = r.getText();
    if (rows != CandidateSelection.Rows.FOLDED) {
      s.setHead(text.length() > ScannedRecord.HEAD_CHARS ? text.substring(0, ScannedRecord.HEAD_CHARS) : text);
    }
    if (rows == CandidateSelection.Rows.EVERY_WITH_CONTENT_HASH) {
      s.setContentHash(CandidateSelection.contentHash(r.getTitle(), r.getPublished(), text));
    }
    Article a = new Article(r.getId(), r.getUrl(), r.getPublished(), r.getTitle(), text, r.getSource());
    a.setLanguage(detector.detect(text));
    s.setLanguage(a.getLanguage());
    if (annotated.contains(a.getLanguage())) {
      s.setPassages(CandidateSelection.passages(a, cleaner, scanner, enabled));
    }
    return s;
  }
}

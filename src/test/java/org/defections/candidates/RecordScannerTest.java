package org.defections.candidates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.defections.ingest.LanguageDetector;
import org.defections.ingest.ParsedRecord;
import org.defections.lexicon.Lexicons;
import org.junit.jupiter.api.Test;

/** {@link RecordScanner}: the one pass's work on each record, on invented records (plain Java, no Spark). */
class RecordScannerTest {
  private static final Lexicons LEXICONS = Lexicons.bundled();
  private static final String DEFECTION = "The harvest was poor this year, farmers said.\n\nA Syrian general defected "
      + "to Jordan on Sunday with two aides, officials said.\n\nPrices of wheat rose in the capital.";
  private static final String PLAIN = "Markets were calm on Monday and the price of oil did not change, traders "
      + "said in the city.";
  /** French, though it quotes an English trigger phrase. */
  private static final String FRENCH = "Selon le journal, un général syrien « defected to Jordan » dimanche avec deux "
      + "de ses aides, et le ministère ne l'a pas confirmé dans la soirée.";

  private static RecordScanner scanner(CandidateSelection.Rows rows) {
    return new RecordScanner(LEXICONS, LanguageDetector.ANNOTATED, 1, 20_000, true, rows);
  }

  private static ParsedRecord article(long position, String id, String text) {
    return ParsedRecord.ok("a.jsonl", position, id, "https://example.org/" + id, "2024-03-02", "Title " + id, text);
  }

  @Test
  void aRejectPassesThroughWithoutLanguageOrPassages() {
    ParsedRecord reject = ParsedRecord.reject("a.jsonl", 7, "r1", "empty_text", "the text is empty",
        "{\"id\": \"r1\", \"text\": \"\"}");
    ScannedRecord s = scanner(CandidateSelection.Rows.EVERY).scan(reject);

    assertEquals(List.of("a.jsonl", 7L, "r1", "empty_text", "the text is empty", "{\"id\": \"r1\", \"text\": \"\"}"),
        List.of(s.getSource(), s.getPosition(), s.getId(), s.getReason(), s.getDetail(), s.getRaw()));
    assertNull(s.getLanguage());
    assertNull(s.getHead());
    assertTrue(s.getPassages().isEmpty());
    assertEquals(1, s.getRecords());
  }

  @Test
  void anArticleWithATriggerGetsItsLanguageAndThePassageAroundIt() {
    ScannedRecord s = scanner(CandidateSelection.Rows.FOLDED).scan(article(3, "d1", DEFECTION));

    assertEquals("en", s.getLanguage());
    assertNull(s.getReason());
    assertNull(s.getHead(), "no head is kept for folded rows");
    assertNull(s.getContentHash());
    assertEquals(1, s.getPassages().size());
    Passage p = s.getPassages().get(0);
    assertEquals(List.of("d1", "https://example.org/d1", "2024-03-02", "en"), List.of(p.getArticleId(), p.getUrl(),
        p.getPublished(), p.getLanguage()));
    assertEquals(DEFECTION, p.getText(), "one paragraph of context on each side: the whole article");
    assertEquals(CandidateSelection.reportKey(DEFECTION), p.getReportKey());
  }

  @Test
  void headAndContentHashAreKeptWhenTheRowsAskForThem() {
    String longText = PLAIN + " " + PLAIN + " " + PLAIN;
    ScannedRecord every = scanner(CandidateSelection.Rows.EVERY).scan(article(0, "p1", longText));
    ScannedRecord hashed = scanner(CandidateSelection.Rows.EVERY_WITH_CONTENT_HASH).scan(article(0, "p1", longText));

    assertEquals(longText.substring(0, ScannedRecord.HEAD_CHARS), every.getHead());
    assertNull(every.getContentHash());
    assertEquals(every.getHead(), hashed.getHead());
    assertEquals(CandidateSelection.contentHash("Title p1", "2024-03-02", longText), hashed.getContentHash());
    assertEquals(PLAIN, scanner(CandidateSelection.Rows.EVERY).scan(article(1, "p2", PLAIN)).getHead(),
        "a text shorter than the head is kept whole");
  }

  @Test
  void anArticleInALanguageTheRulesDoNotReadGetsNoPassages() {
    ScannedRecord s = scanner(CandidateSelection.Rows.EVERY).scan(article(0, "f1", FRENCH));

    assertEquals("fr", s.getLanguage());
    assertTrue(s.getPassages().isEmpty(), "the trigger phrase is not looked at in a language the rules do not read");
  }

  @Test
  void scanAllFoldsTheArticlesWithoutPassagesOnlyWhenTheRowsAreFolded() {
    List<ParsedRecord> in = List.of(article(0, "p1", PLAIN), ParsedRecord.reject("a.jsonl", 1, null, "bad_json",
        "not JSON", "not json"), article(2, "d1", DEFECTION), article(3, "p2", PLAIN), article(4, "f1", FRENCH));

    List<ScannedRecord> folded = new ArrayList<>();
    scanner(CandidateSelection.Rows.FOLDED).scanAll(in.iterator()).forEachRemaining(folded::add);
    assertEquals(4, folded.size(), "reject, candidate, the English fold, the French fold");
    assertEquals("bad_json", folded.get(0).getReason());
    assertEquals("d1", folded.get(1).getId());
    assertEquals(List.of("en", 2L), List.of(folded.get(2).getLanguage(), folded.get(2).getRecords()));
    assertArrayEquals(new long[] {RecordFolder.idHash("p1"), RecordFolder.idHash("p2")}, folded.get(2).getIdHashes());
    assertEquals(List.of("fr", 1L), List.of(folded.get(3).getLanguage(), folded.get(3).getRecords()));
    assertEquals(5, folded.stream().mapToLong(ScannedRecord::getRecords).sum(), "every record is counted");

    List<ScannedRecord> every = new ArrayList<>();
    scanner(CandidateSelection.Rows.EVERY).scanAll(in.iterator()).forEachRemaining(every::add);
    assertEquals(List.of("p1", "a.jsonl#1", "d1", "p2", "f1"), every.stream().map(r -> r.getId() != null ? r.getId()
        : r.getSource() + "#" + r.getPosition()).toList(), "one row per record, in order");
  }
}

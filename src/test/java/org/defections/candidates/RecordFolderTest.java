package org.defections.candidates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RecordFolder} on invented scanned records (plain Java). */
class RecordFolderTest {
  private static ScannedRecord accepted(String source, long position, String id, String language, int passages) {
    ScannedRecord r = new ScannedRecord();
    r.setSource(source);
    r.setPosition(position);
    r.setId(id);
    r.setLanguage(language);
    List<Passage> ps = new ArrayList<>();
    for (int i = 0; i < passages; i++) {
      ps.add(new Passage());
    }
    r.setPassages(ps);
    return r;
  }

  private static ScannedRecord reject(String source, long position) {
    ScannedRecord r = new ScannedRecord();
    r.setSource(source);
    r.setPosition(position);
    r.setReason("empty_text");
    return r;
  }

  private static List<ScannedRecord> fold(List<ScannedRecord> in) {
    List<ScannedRecord> out = new ArrayList<>();
    new RecordFolder(in.iterator()).forEachRemaining(out::add);
    return out;
  }

  @Test
  void rejectsAndArticlesWithPassagesPassThroughTheOthersFoldPerSourceAndLanguage() {
    List<ScannedRecord> in = List.of(accepted("a.jsonl", 0, "a1", "en", 0), reject("a.jsonl", 1),
        accepted("a.jsonl", 2, "a2", "en", 2), accepted("a.jsonl", 3, "a3", "es", 0),
        accepted("a.jsonl", 4, "a4", "en", 0), accepted("b.jsonl", 5, "b1", "en", 0));
    List<ScannedRecord> out = fold(in);

    assertEquals(List.of(in.get(1), in.get(2)), out.subList(0, 2), "rejects and candidates as they came, first");
    assertEquals(5, out.size(), "then one fold per source and language: a/en, a/es, b/en");
    ScannedRecord aEn = out.get(2);
    assertEquals(List.of("a.jsonl", "en", 2L, 0L), List.of(aEn.getSource(), aEn.getLanguage(), aEn.getRecords(),
        aEn.getPosition()), "a fold counts its articles and keeps the first one's position");
    assertArrayEquals(new long[] {RecordFolder.idHash("a1"), RecordFolder.idHash("a4")}, aEn.getIdHashes());
    assertNull(aEn.getId());
    assertNull(aEn.getReason());
    assertEquals(0, aEn.getPassages().size());
    assertEquals(List.of("a.jsonl", "es", 1L), List.of(out.get(3).getSource(), out.get(3).getLanguage(),
        out.get(3).getRecords()));
    assertEquals(List.of("b.jsonl", "en", 1L), List.of(out.get(4).getSource(), out.get(4).getLanguage(),
        out.get(4).getRecords()));
    assertEquals(in.size(), out.stream().mapToLong(ScannedRecord::getRecords).sum(), "no record lost");
    assertEquals(1L, out.get(0).getRecords());
    assertNull(out.get(1).getIdHashes(), "a row of one record has no hashes: its id is there");
  }

  @Test
  void manyArticlesOneFoldAndTheEndOfInput() {
    List<ScannedRecord> in = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      in.add(accepted("f", i, "id-" + i, "en", 0));
    }
    List<ScannedRecord> out = fold(in);
    assertEquals(1, out.size());
    assertEquals(1000, out.get(0).getIdHashes().length);
    assertEquals(RecordFolder.idHash("id-999"), out.get(0).getIdHashes()[999]);

    assertEquals(List.of(), fold(List.of()), "an empty partition gives nothing");
    RecordFolder empty = new RecordFolder(List.<ScannedRecord>of().iterator());
    assertFalse(empty.hasNext());
    assertThrows(java.util.NoSuchElementException.class, empty::next);
  }

  @Test
  void aFullFoldIsGivenOutAtOnceAndTheNextStartsAfterIt() {
    int n = 2 * RecordFolder.MAX_FOLD + 10;
    List<ScannedRecord> in = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      in.add(accepted("f", i, "id-" + i, "en", 0));
      if (i == RecordFolder.MAX_FOLD + 5) {
        in.add(reject("f", -1));
      }
    }
    List<ScannedRecord> out = fold(in);
    assertEquals(List.of((long) RecordFolder.MAX_FOLD, 1L, (long) RecordFolder.MAX_FOLD, 10L),
        out.stream().map(ScannedRecord::getRecords).toList(),
        "the first fold when full, the reject as it came, the second fold when full, the rest at the end");
    assertEquals("empty_text", out.get(1).getReason());
    assertEquals(List.of(0L, (long) RecordFolder.MAX_FOLD), List.of(out.get(0).getPosition(),
        out.get(2).getPosition()), "each fold keeps its first article's position");
    assertEquals(RecordFolder.idHash("id-" + RecordFolder.MAX_FOLD), out.get(2).getIdHashes()[0]);
    assertEquals(RecordFolder.idHash("id-" + (n - 1)), out.get(3).getIdHashes()[9]);
  }
}

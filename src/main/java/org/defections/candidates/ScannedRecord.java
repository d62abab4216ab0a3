package org.defections.candidates;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One input record after the single pass over the corpus (bean, {@code Encoders.bean(ScannedRecord.class)}): where
 * it was read ({@code source, position}), its id, and either its reject ({@code reason, detail, raw}) or, for an
 * accepted article, its language and its candidate {@link Passage}s (empty when the language is not annotated or no
 * trigger phrase occurs). Small: the text is kept only inside the passages, plus, when the scan keeps every record
 * ({@link CandidateSelection.Rows}), a short {@code head} (what a {@code duplicate_id} reject shows as raw) and, when
 * a nightly run asks for it, the {@code contentHash}.
 *
 * <p>A <b>fold</b> row stands for several accepted articles without passages, of one source and language, read in
 * one partition, at most {@code RecordFolder.MAX_FOLD} of them ({@link CandidateSelection.Rows#FOLDED}): {@code
 * records} counts them, {@code idHashes} holds the 64-bit hashes of their ids (Spark's {@code xxhash64}), {@code id}
 * is null and {@code position} is the first one's.
 * Every other row stands for one record ({@code records} 1, {@code idHashes} null). Counts of records are sums of
 * {@code records}, never counts of rows.
 */
public class ScannedRecord implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Characters of an accepted article's text kept as {@code head}. */
  public static final int HEAD_CHARS = 200;

  private String source;
  private long position;
  private String id;
  private String reason;
  private String detail;
  private String raw;
  private String head;
  private String language;
  private String contentHash;
  private List<Passage> passages = new ArrayList<>();
  private long records = 1;
  private long[] idHashes;

  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public long getPosition() { return position; }
  public void setPosition(long v) { position = v; }
  public String getId() { return id; }
  public void setId(String v) { id = v; }
  public String getReason() { return reason; }
  public void setReason(String v) { reason = v; }
  public String getDetail() { return detail; }
  public void setDetail(String v) { detail = v; }
  public String getRaw() { return raw; }
  public void setRaw(String v) { raw = v; }
  public String getHead() { return head; }
  public void setHead(String v) { head = v; }
  public String getLanguage() { return language; }
  public void setLanguage(String v) { language = v; }
  public String getContentHash() { return contentHash; }
  public void setContentHash(String v) { contentHash = v; }
  public List<Passage> getPassages() { return passages; }
  public void setPassages(List<Passage> v) { passages = v; }
  public long getRecords() { return records; }
  public void setRecords(long v) { records = v; }
  public long[] getIdHashes() { return idHashes; }
  public void setIdHashes(long[] v) { idHashes = v; }
}

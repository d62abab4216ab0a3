package org.defections.candidates;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.Encoders;
import org.defections.annotate.TemporalTagger;
import org.defections.ingest.Article;
import org.defections.ingest.ArticleCleaner;
import org.defections.ingest.ArticleReader;
import org.defections.ingest.ParsedRecord;
import org.defections.lexicon.Lexicons;
import org.defections.lexicon.SharedLexicons;

/**
 * Language, cleaning and candidate selection, before Spark NLP. Input: the job's input, parsed record by record in
 * the same pass ({@link ArticleReader.Parsed}, nothing cached). Output: small {@link ScannedRecord}s: a reject as
 * it came, an accepted article with its language and the {@link Passage}s that can hold a defection (articles
 * without a trigger phrase, or in a language the rules do not read, have none), one row per record or, for the
 * articles without passages, folded ({@link Rows}). The whole text is read here, once (twice in a full run whose ids
 * repeat: see {@code DefectionJob}).
 */
public final class CandidateSelection {
  private CandidateSelection() {}

  /** What the rows of {@link #scan} hold. */
  public enum Rows {
    /**
     * Rejects and articles with passages one row each; the other accepted articles folded per partition, source and
     * language ({@link RecordFolder}): what a full run needs, its duplicate check working on the ids' hashes.
     */
    FOLDED,
    /** One row per record, with the {@code head} of each accepted article (what a duplicate's reject shows). */
    EVERY,
    /** One row per record, with the {@code head} and the {@code contentHash} (a nightly run's increment). */
    EVERY_WITH_CONTENT_HASH
  }

  /**
   * The one pass over the corpus: each record scanned by a {@link RecordScanner} (language, candidate passages for the
   * languages in {@code annotated}, rejects without their text; a content hash for {@link
   * Rows#EVERY_WITH_CONTENT_HASH}, what a nightly run tells new articles by); {@code rows} says whether accepted
   * articles without passages are folded. Records are read one at a time.
   */
  public static Dataset<ScannedRecord> scan(ArticleReader.Parsed input, SharedLexicons lexicons,
      Set<String> annotated, int contextParagraphs, int maxPassageChars, boolean enabled, Rows rows) {
    // the record scanner is built in each partition: its automaton and detector come from the executor's lexicons
    return input.mapRecords((MapPartitionsFunction<ParsedRecord, ScannedRecord>) it -> new RecordScanner(
        lexicons.value(), annotated, contextParagraphs, maxPassageChars, enabled, rows).scanAll(it),
        Encoders.bean(ScannedRecord.class));
  }

  /**
   * The 64-bit hashes (Spark's {@code xxhash64}) of the ids of the accepted records among {@code scanned} (columns
   * of {@link ScannedRecord}, folded or not): a fold row gives its {@code idHashes}, any other row the hash of its id.
   */
  public static Dataset<Long> acceptedIdHashes(Dataset<Row> scanned) {
    return scanned.filter(functions.col("reason").isNull()).select(functions.explode(functions.coalesce(
        functions.col("idHashes"), functions.array(functions.xxhash64(functions.col("id"))))).as("h"))
        .as(Encoders.LONG());
  }

  /**
   * What tells one version of an article from another: SHA-256 (hex) of title, publication date and text joined by
   * U+0001, null fields as empty (the nightly batches store it per article id).
   */
  public static String contentHash(String title, String published, String text) {
    return sha256Hex((title == null ? "" : title) + '\u0001' + (published == null ? "" : published) + '\u0001' + text,
        32);
  }

  /** Column of {@link #distinct}: the contexts of one passage text (see there). */
  public static final String CONTEXTS = "contexts";
  /** Field of a context: the articles (id, url) holding it. */
  public static final String COPIES = "copies";

  /**
   * One row per distinct passage text, the unit of annotation: {@code text} and {@value #CONTEXTS}, where a text
   * occurs: an array of structs {@code reportKey, passageBegin, published, referenceDate, language, segments} and
   * {@value #COPIES} (array of {@code articleId, url}). Copies of one report at one offset, with the same dates and
   * language, are one context and give the same mentions, so each context is extracted once (for its first copy by
   * id, see {@link #mergedContexts}) and its mentions repeated for the other copies. The same context can arrive as
   * several structs (one per input partition that held it): readers merge them with {@link #mergedContexts}. Copies
   * are merged within each partition first ({@link PassageGroup}), so that one row per context and partition is
   * shuffled, not one per copy with its text.
   */
  public static Dataset<Row> distinct(Dataset<Passage> passages) {
    Dataset<PassageGroup> partial = passages.mapPartitions((MapPartitionsFunction<Passage, PassageGroup>) it -> {
      java.util.Map<List<Object>, PassageGroup> groups = new java.util.LinkedHashMap<>();
      while (it.hasNext()) {
        Passage p = it.next();
        List<Object> key = java.util.Arrays.asList(p.getReportKey(), p.getPassageBegin(), p.getPublished(),
            p.getReferenceDate(), p.getLanguage());
        PassageGroup g = groups.get(key);
        if (g == null) {
          groups.put(key, PassageGroup.of(p));
        } else {
          g.getCopies().add(new PassageGroup.Copy(p.getArticleId(), p.getUrl()));
        }
      }
      return groups.values().iterator();
    }, Encoders.bean(PassageGroup.class));
    return partial.groupBy(functions.col("text")).agg(functions.collect_list(functions.struct(
        functions.col("reportKey"), functions.col("passageBegin"), functions.col("published"),
        functions.col("referenceDate"), functions.col("language"), functions.col("segments"),
        functions.col(COPIES))).as(CONTEXTS));
  }

  /** A context of a distinct passage text: where it occurs and the articles (id, url; sorted) holding it there. */
  public record Context(String reportKey, int passageBegin, String published, String referenceDate, String language,
      int[] segments, List<String[]> copies) {}

  /**
   * The contexts of one {@link #distinct} row, those that arrived in several parts merged, each with its copies
   * sorted by article id, then url (the first is the copy extracted).
   */
  public static List<Context> mergedContexts(Row row) {
    java.util.Map<List<Object>, Context> merged = new java.util.LinkedHashMap<>();
    for (Row c : row.<Row>getList(row.fieldIndex(CONTEXTS))) {
      List<Object> key = java.util.Arrays.asList(c.getString(0), c.getInt(1), c.getString(2), c.getString(3),
          c.getString(4));
      Context ctx = merged.get(key);
      if (ctx == null) {
        List<Integer> seg = c.getList(5);
        int[] segments = new int[seg.size()];
        for (int i = 0; i < segments.length; i++) {
          segments[i] = seg.get(i);
        }
        ctx = new Context(c.getString(0), c.getInt(1), c.getString(2), c.getString(3), c.getString(4), segments,
            new ArrayList<>());
        merged.put(key, ctx);
      }
      for (Row copy : c.<Row>getList(6)) {
        ctx.copies().add(new String[] {copy.getString(0), copy.getString(1)});
      }
    }
    java.util.Comparator<String[]> byIdThenUrl = java.util.Comparator.<String[], String>comparing(a -> a[0],
        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).thenComparing(a -> a[1],
        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
    for (Context ctx : merged.values()) {
      ctx.copies().sort(byIdThenUrl);
    }
    return new ArrayList<>(merged.values());
  }

  /** All passages of scanned records (columns of {@link ScannedRecord}; the caller passes the accepted ones). */
  public static Dataset<Passage> passages(Dataset<Row> scanned) {
    // only the passages column is read: the records' other columns (a head of text each) are never decoded
    return scanned.select(functions.explode(functions.col("passages")).as("p")).select("p.*")
        .as(Encoders.bean(Passage.class));
  }

  /** Passages of one article (plain Java; {@code enabled=false} passes the whole cleaned article). */
  public static List<Passage> passages(Article a, Lexicons lx, int contextParagraphs, int maxPassageChars,
      boolean enabled) {
    return passages(a, new ArticleCleaner(lx.boilerplate()), new CandidateScanner(lx, contextParagraphs,
        maxPassageChars), enabled);
  }

  static List<Passage> passages(Article a, ArticleCleaner cleaner, CandidateScanner scanner, boolean enabled) {
    if (enabled && !scanner.hasTrigger(a.getText())) {
      // a trigger phrase of the cleaned text is in the raw text too: cleaning only removes lines and blanks datelines
      // (the one exception, a removed boilerplate line between two words of one phrase, is not worth a clean)
      return new ArrayList<>();
    }
    ArticleCleaner.Cleaned cleaned = cleaner.clean(a.getText());
    String text = cleaned.text();
    List<CandidateScanner.Span> spans;
    if (enabled) {
      spans = scanner.passages(text);
    } else {
      spans = List.of(new CandidateScanner.Span(0, text.length()));
    }
    List<Passage> out = new ArrayList<>();
    if (spans.isEmpty()) {
      return out;
    }
    String ref = a.getPublished() != null ? a.getPublished() : dateline(a.getText()); // before datelines are blanked
    String reportKey = reportKey(a.getText());
    List<Integer> segments = new ArrayList<>();
    for (int v : cleaned.segments()) {
      segments.add(v);
    }
    for (CandidateScanner.Span s : spans) {
      Passage p = new Passage();
      p.setArticleId(a.getId());
      p.setUrl(a.getUrl());
      p.setPublished(a.getPublished());
      p.setReferenceDate(ref);
      p.setPassageBegin(s.begin());
      p.setText(text.substring(s.begin(), s.end()));
      p.setSegments(segments);
      p.setLanguage(a.getLanguage() == null ? "en" : a.getLanguage());
      p.setReportKey(reportKey);
      out.add(p);
    }
    return out;
  }

  /**
   * The report an article's text is a copy of: SHA-256 (first 16 bytes, hex) of the text. The same wire story
   * published under several ids has one key.
   */
  public static String reportKey(String text) {
    return sha256Hex(text, 16);
  }

  /** The first {@code bytes} bytes of the SHA-256 of {@code s} (UTF-8), in hex. */
  private static String sha256Hex(String s, int bytes) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The first full date in the article's opening (a dateline or byline), ISO, or null. */
  static String dateline(String text) {
    String head = text.length() > 1500 ? text.substring(0, 1500) : text;
    List<TemporalTagger.Expression> dates = TemporalTagger.fullDates(head);
    return dates.isEmpty() ? null : dates.get(0).value().substring(5);
  }
}

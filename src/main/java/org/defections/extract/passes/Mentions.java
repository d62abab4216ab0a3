package org.defections.extract.passes;

import java.sql.Date;
import org.defections.extract.DateResolver;
import org.defections.extract.Mention;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Document;
import org.defections.lexicon.Lexicons.RankEntry;
import org.defections.lexicon.RankClass;

/** Making and copying mentions. */
final class Mentions {
  private Mentions() {}

  /**
   * A mention of a trigger with its provenance: article, trigger text and offsets in the original article, sentence,
   * and the incident key (the trigger's offset in the cleaned article: the same whatever passage it was read in).
   */
  static Mention blank(Extraction x, Chunks.Trigger t, int sentence) {
    Document d = x.doc;
    Mention m = new Mention();
    m.setArticleId(d.source().articleId());
    m.setUrl(d.source().url());
    m.setTrigger(d.textOf(t.range()));
    m.setSentenceIndex(sentence);
    m.setSentence(d.source().sentences().get(sentence).text());
    int offset = d.source().textOffset();
    m.setBegin(offset + d.token(t.range().begin()).begin());
    m.setEnd(offset + d.token(t.range().end() - 1).end());
    m.setIncidentKey(d.source().articleId() + "#" + m.getBegin());
    m.setPublished(d.source().published() == null ? null : Date.valueOf(d.source().published()));
    m.setRankClass(RankClass.UNKNOWN.name());
    m.setDatePrecision("NONE");
    return m;
  }

  static void setRank(Mention m, RankEntry r) {
    if (r == null) {
      m.setRank(null);
      m.setRankClass(RankClass.UNKNOWN.name());
      m.setRankSpecificity(0);
    } else {
      m.setRank(r.canonical());
      m.setRankClass(r.rankClass());
      m.setRankSpecificity(r.specificity());
    }
  }

  /** Sets the date fields; a date with no year leaves them as they are. */
  static void setDate(Mention m, DateResolver.Resolved d) {
    if (d.year() == null) {
      return;
    }
    m.setEventDate(d.date() == null ? null : Date.valueOf(d.date()));
    m.setEventYear(d.year());
    m.setEventMonth(d.eventMonth());
    m.setDatePrecision(d.precision());
    m.setDatedByPublication(false);
  }

  /** Gives {@code m} the date fields of {@code from}. */
  static void copyDate(Mention m, Mention from) {
    m.setEventDate(from.getEventDate());
    m.setEventYear(from.getEventYear());
    m.setEventMonth(from.getEventMonth());
    m.setDatePrecision(from.getDatePrecision());
    m.setDatedByPublication(from.isDatedByPublication());
  }

  static void clearDate(Mention m) {
    m.setEventDate(null);
    m.setEventYear(null);
    m.setEventMonth(null);
    m.setDatePrecision("NONE");
    m.setDatedByPublication(false);
  }

  /** A copy of a mention's event: provenance, states, date, factuality, status and kept-out reason; no defector. */
  static Mention copy(Mention m) {
    Mention c = new Mention();
    c.setArticleId(m.getArticleId());
    c.setUrl(m.getUrl());
    c.setIncidentKey(m.getIncidentKey());
    c.setTrigger(m.getTrigger());
    c.setSentence(m.getSentence());
    c.setSentenceIndex(m.getSentenceIndex());
    c.setBegin(m.getBegin());
    c.setEnd(m.getEnd());
    c.setOriginCountry(m.getOriginCountry());
    c.setOriginCue(m.getOriginCue());
    c.setDestinationCountry(m.getDestinationCountry());
    c.setPosting(m.getPosting());
    c.setPublished(m.getPublished());
    copyDate(c, m);
    c.setFactuality(m.getFactuality());
    c.setFactualityCue(m.getFactualityCue());
    c.setStatus(m.getStatus());
    c.setKeptOutReason(m.getKeptOutReason());
    c.setLanguage(m.getLanguage());
    c.setRuleId(m.getRuleId());
    c.setRankClass(RankClass.UNKNOWN.name());
    return c;
  }
}

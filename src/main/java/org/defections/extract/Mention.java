package org.defections.extract;

import java.io.Serializable;
import java.sql.Date;

/**
 * One reported defection event found in one article: the row type of the {@code mentions} table (bean, encoded with
 * {@code Encoders.bean(Mention.class)}). Mentions whose factuality is not ASSERTED or REPORTED, or that have a
 * {@code keptOutReason}, never become records.
 */
public class Mention implements Serializable, Cloneable {
  private static final long serialVersionUID = 1L;

  private String mentionId;
  private String articleId;
  private String url;
  private String incidentKey;
  private String trigger;
  private String sentence;
  private int sentenceIndex;
  private int begin;
  private int end;
  private String personName;
  private String rank;
  private String rankClass;
  private int rankSpecificity;
  private String natoCode;
  private String organization;
  private String originCountry;
  private String originCue;
  private String destinationCountry;
  /** A diplomat's post (ISO code of the country of "ambassador to India"), or null: tells diplomats apart. */
  private String posting;
  private Integer groupSize;
  private Date eventDate;
  /** The publication date of the mention's article (null when unknown): orders reports for stable record ids. */
  private Date published;
  private Integer eventYear;
  private String eventMonth;
  private String datePrecision;
  /**
   * True when the date is no stated one but the month of publication, given to news told in the present perfect or a
   * main clause's past: a stated date of another mention of the same record wins over it.
   */
  private boolean datedByPublication;
  private String factuality;
  private String factualityCue;
  private String status;
  private String keptOutReason;
  private String language;
  /** The rule that found the mention's defector (a defector or phrase rule, or a discourse pass), never null. */
  private String ruleId;
  /** The report the article is a copy of (hash of its text): copies of one report resolve as one article. */
  private String reportKey;

  public Mention() {}

  /**
   * This mention as found in a copy of its article (another id, the same text): article id and url of the copy, and
   * the ids that begin with the article id ({@code mentionId}, {@code incidentKey}) re-prefixed with it.
   */
  public Mention inCopy(String copyArticleId, String copyUrl) {
    Mention c;
    try {
      c = (Mention) super.clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
    c.mentionId = reprefix(mentionId, copyArticleId);
    c.incidentKey = reprefix(incidentKey, copyArticleId);
    c.articleId = copyArticleId;
    c.url = copyUrl;
    return c;
  }

  private String reprefix(String id, String copyArticleId) {
    String rest = afterArticleId(id);
    return rest == null ? id : copyArticleId + rest;
  }

  /** The mention id without its article id ("#412#0"): the same in every copy of the article; null if not prefixed. */
  public String mentionIdInArticle() {
    return afterArticleId(mentionId);
  }

  private String afterArticleId(String id) {
    return id != null && articleId != null && id.startsWith(articleId) ? id.substring(articleId.length()) : null;
  }

  /** True when this mention may become (part of) a defection record. */
  public boolean countable() {
    return keptOutReason == null && ("ASSERTED".equals(factuality) || "REPORTED".equals(factuality));
  }

  public String getRuleId() { return ruleId; }
  public void setRuleId(String v) { ruleId = v; }
  public String getMentionId() { return mentionId; }
  public void setMentionId(String v) { mentionId = v; }
  public String getPosting() { return posting; }
  public void setPosting(String v) { posting = v; }
  public String getReportKey() { return reportKey; }
  public void setReportKey(String v) { reportKey = v; }
  public String getArticleId() { return articleId; }
  public void setArticleId(String v) { articleId = v; }
  public String getUrl() { return url; }
  public void setUrl(String v) { url = v; }
  public String getIncidentKey() { return incidentKey; }
  public void setIncidentKey(String v) { incidentKey = v; }
  public String getTrigger() { return trigger; }
  public void setTrigger(String v) { trigger = v; }
  public String getSentence() { return sentence; }
  public void setSentence(String v) { sentence = v; }
  public int getSentenceIndex() { return sentenceIndex; }
  public void setSentenceIndex(int v) { sentenceIndex = v; }
  public int getBegin() { return begin; }
  public void setBegin(int v) { begin = v; }
  public int getEnd() { return end; }
  public void setEnd(int v) { end = v; }
  public String getPersonName() { return personName; }
  public void setPersonName(String v) { personName = v; }
  public String getRank() { return rank; }
  public void setRank(String v) { rank = v; }
  public String getRankClass() { return rankClass; }
  public void setRankClass(String v) { rankClass = v; }
  public int getRankSpecificity() { return rankSpecificity; }
  public void setRankSpecificity(int v) { rankSpecificity = v; }
  public String getNatoCode() { return natoCode; }
  public void setNatoCode(String v) { natoCode = v; }
  public String getOrganization() { return organization; }
  public void setOrganization(String v) { organization = v; }
  public String getOriginCountry() { return originCountry; }
  public void setOriginCountry(String v) { originCountry = v; }
  public String getOriginCue() { return originCue; }
  public void setOriginCue(String v) { originCue = v; }
  public String getDestinationCountry() { return destinationCountry; }
  public void setDestinationCountry(String v) { destinationCountry = v; }
  public Integer getGroupSize() { return groupSize; }
  public void setGroupSize(Integer v) { groupSize = v; }
  public Date getPublished() { return published; }
  public void setPublished(Date v) { published = v; }
  public Date getEventDate() { return eventDate; }
  public void setEventDate(Date v) { eventDate = v; }
  public Integer getEventYear() { return eventYear; }
  public void setEventYear(Integer v) { eventYear = v; }
  public String getEventMonth() { return eventMonth; }
  public void setEventMonth(String v) { eventMonth = v; }
  public String getDatePrecision() { return datePrecision; }
  public void setDatePrecision(String v) { datePrecision = v; }
  public boolean isDatedByPublication() { return datedByPublication; }
  public void setDatedByPublication(boolean v) { datedByPublication = v; }
  public String getFactuality() { return factuality; }
  public void setFactuality(String v) { factuality = v; }
  public String getFactualityCue() { return factualityCue; }
  public void setFactualityCue(String v) { factualityCue = v; }
  public String getStatus() { return status; }
  public void setStatus(String v) { status = v; }
  public String getKeptOutReason() { return keptOutReason; }
  public void setKeptOutReason(String v) { keptOutReason = v; }
  public String getLanguage() { return language; }
  public void setLanguage(String v) { language = v; }

  @Override
  public String toString() {
    return "Mention{" + articleId + "@" + begin + " " + trigger + " person=" + personName + " rank=" + rank + "/"
        + rankClass + " " + originCountry + "->" + destinationCountry + " n=" + groupSize + " date=" + eventMonth
        + "/" + datePrecision + " " + factuality + (keptOutReason == null ? "" : " out=" + keptOutReason) + " rule="
        + ruleId + "}";
  }
}

package org.defections.candidates;

import java.io.Serializable;
import java.util.List;

/**
 * A candidate passage of a cleaned article: what reaches Spark NLP (bean, {@code Encoders.bean(Passage.class)}).
 * {@code passageBegin} is its offset in the cleaned text; {@code segments} maps cleaned offsets back to the original
 * text (triples cleanedBegin, originalBegin, length); {@code referenceDate} is the date relative expressions resolve
 * against (publication date, else the article's dateline), ISO or null.
 */
public class Passage implements Serializable {
  private static final long serialVersionUID = 1L;

  private String articleId;
  private String url;
  private String published;
  private String referenceDate;
  private int passageBegin;
  private String text;
  private List<Integer> segments;
  /** The article's language (en or es): which extraction rules apply. */
  private String language;
  /** Hash of the article's text: articles with the same key are copies of one report (syndication). */
  private String reportKey;

  public String getArticleId() { return articleId; }
  public void setArticleId(String v) { articleId = v; }
  public String getUrl() { return url; }
  public void setUrl(String v) { url = v; }
  public String getPublished() { return published; }
  public void setPublished(String v) { published = v; }
  public String getReferenceDate() { return referenceDate; }
  public void setReferenceDate(String v) { referenceDate = v; }
  public int getPassageBegin() { return passageBegin; }
  public void setPassageBegin(int v) { passageBegin = v; }
  public String getText() { return text; }
  public void setText(String v) { text = v; }
  public List<Integer> getSegments() { return segments; }
  public void setSegments(List<Integer> v) { segments = v; }
  public String getLanguage() { return language; }
  public void setLanguage(String v) { language = v; }
  public String getReportKey() { return reportKey; }
  public void setReportKey(String v) { reportKey = v; }
}

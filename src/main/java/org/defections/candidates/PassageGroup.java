package org.defections.candidates;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies of one passage context seen in one partition (bean, {@code Encoders.bean(PassageGroup.class)}): the
 * context's key (report, offset, dates, language), its text and offset map, and the articles (id, url) that hold it.
 * {@link CandidateSelection#distinct} gathers the groups of all partitions under their text, and {@link
 * CandidateSelection#mergedContexts} merges the groups of one context.
 */
public class PassageGroup implements Serializable {
  private static final long serialVersionUID = 1L;

  /** An article holding a passage (bean). */
  public static class Copy implements Serializable {
    private static final long serialVersionUID = 1L;
    private String articleId;
    private String url;

    public Copy() {}

    Copy(String articleId, String url) {
      this.articleId = articleId;
      this.url = url;
    }

    public String getArticleId() { return articleId; }
    public void setArticleId(String articleId) { this.articleId = articleId; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
  }

  private String reportKey;
  private int passageBegin;
  private String published;
  private String referenceDate;
  private String language;
  private String text;
  private List<Integer> segments;
  private List<Copy> copies = new ArrayList<>();

  public PassageGroup() {}

  /** A group holding only {@code p}. */
  static PassageGroup of(Passage p) {
    PassageGroup g = new PassageGroup();
    g.reportKey = p.getReportKey();
    g.passageBegin = p.getPassageBegin();
    g.published = p.getPublished();
    g.referenceDate = p.getReferenceDate();
    g.language = p.getLanguage();
    g.text = p.getText();
    g.segments = p.getSegments();
    g.copies.add(new Copy(p.getArticleId(), p.getUrl()));
    return g;
  }

  public String getReportKey() { return reportKey; }
  public void setReportKey(String reportKey) { this.reportKey = reportKey; }
  public int getPassageBegin() { return passageBegin; }
  public void setPassageBegin(int passageBegin) { this.passageBegin = passageBegin; }
  public String getPublished() { return published; }
  public void setPublished(String published) { this.published = published; }
  public String getReferenceDate() { return referenceDate; }
  public void setReferenceDate(String referenceDate) { this.referenceDate = referenceDate; }
  public String getLanguage() { return language; }
  public void setLanguage(String language) { this.language = language; }
  public String getText() { return text; }
  public void setText(String text) { this.text = text; }
  public List<Integer> getSegments() { return segments; }
  public void setSegments(List<Integer> segments) { this.segments = segments; }
  public List<Copy> getCopies() { return copies; }
  public void setCopies(List<Copy> copies) { this.copies = copies; }
}

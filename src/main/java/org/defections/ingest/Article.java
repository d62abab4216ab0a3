package org.defections.ingest;

import java.io.Serializable;

/**
 * An accepted input article (bean, {@code Encoders.bean(Article.class)}). Declared input schema: {@code id, url,
 * published, title, text}; {@code published} is an ISO date (yyyy-mm-dd) or null; {@code source} is the input file.
 */
public class Article implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String ID = "id";
  public static final String URL = "url";
  public static final String PUBLISHED = "published";
  public static final String TITLE = "title";
  public static final String TEXT = "text";

  private String id;
  private String url;
  private String published;
  private String title;
  private String text;
  private String source;
  /** ISO 639-1 code from {@link LanguageDetector}, "und-<Script>" for other scripts; null before detection. */
  private String language;

  public Article() {}

  public Article(String id, String url, String published, String title, String text, String source) {
    this.id = id;
    this.url = url;
    this.published = published;
    this.title = title;
    this.text = text;
    this.source = source;
  }

  public String getId() { return id; }
  public void setId(String v) { id = v; }
  public String getUrl() { return url; }
  public void setUrl(String v) { url = v; }
  public String getPublished() { return published; }
  public void setPublished(String v) { published = v; }
  public String getTitle() { return title; }
  public void setTitle(String v) { title = v; }
  public String getText() { return text; }
  public void setText(String v) { text = v; }
  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public String getLanguage() { return language; }
  public void setLanguage(String v) { language = v; }
}

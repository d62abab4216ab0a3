package org.defections.ingest;

import java.io.Serializable;

/**
 * One input record after parsing: either an article ({@code rejectReason} null) or a reject with its reason and raw
 * value. The {@code rejects} table has columns {@code source, position, id, reason, detail, raw}.
 */
public class ParsedRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  private String source;
  private long position;
  private String id;
  private String url;
  private String published;
  private String title;
  private String text;
  private String reason;
  private String detail;
  private String raw;

  public static ParsedRecord ok(String source, long position, String id, String url, String published, String title,
      String text) {
    ParsedRecord r = new ParsedRecord();
    r.source = source;
    r.position = position;
    r.id = id;
    r.url = url;
    r.published = published;
    r.title = title;
    r.text = text;
    return r;
  }

  public static ParsedRecord reject(String source, long position, String id, String reason, String detail,
      String raw) {
    ParsedRecord r = new ParsedRecord();
    r.source = source;
    r.position = position;
    r.id = id;
    r.reason = reason;
    r.detail = detail;
    r.raw = raw;
    return r;
  }

  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public long getPosition() { return position; }
  public void setPosition(long v) { position = v; }
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
  public String getReason() { return reason; }
  public void setReason(String v) { reason = v; }
  public String getDetail() { return detail; }
  public void setDetail(String v) { detail = v; }
  public String getRaw() { return raw; }
  public void setRaw(String v) { raw = v; }
}

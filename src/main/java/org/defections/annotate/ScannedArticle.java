package org.defections.annotate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One accepted article after the single pass over the corpus that tells its language and selects its candidate
 * passages (bean, {@code Encoders.bean(ScannedArticle.class)}): its id, its language, and its passages (empty when the
 * language is not annotated or no trigger phrase occurs). Small: the text is kept only inside the passages.
 */
public class ScannedArticle implements Serializable {
  private static final long serialVersionUID = 1L;

  private String id;
  private String language;
  private List<Passage> passages = new ArrayList<>();

  public String getId() { return id; }
  public void setId(String v) { id = v; }
  public String getLanguage() { return language; }
  public void setLanguage(String v) { language = v; }
  public List<Passage> getPassages() { return passages; }
  public void setPassages(List<Passage> v) { passages = v; }
}

package org.defections.resolve;

import java.io.Serializable;
import java.util.List;
import org.defections.extract.Mention;

/**
 * The mentions of one report that tell one defection (bean, {@code Encoders.bean(ReportCluster.class)}): its id (the
 * report and its first mention), its report ({@link ReportResolver#reportOf}), and, when keyed for a block, the
 * block's key.
 */
public class ReportCluster implements Serializable {
  private static final long serialVersionUID = 1L;

  private String id;
  private String report;
  private String key;
  private List<Mention> mentions;

  public ReportCluster() {}

  ReportCluster(String id, String report, String key, List<Mention> mentions) {
    this.id = id;
    this.report = report;
    this.key = key;
    this.mentions = mentions;
  }

  public String getId() { return id; }
  public void setId(String v) { id = v; }
  public String getReport() { return report; }
  public void setReport(String v) { report = v; }
  public String getKey() { return key; }
  public void setKey(String v) { key = v; }
  public List<Mention> getMentions() { return mentions; }
  public void setMentions(List<Mention> v) { mentions = v; }
}

package org.defections.resolve;

import java.io.Serializable;
import java.sql.Date;
import java.util.List;

/**
 * One defection: the row type of the {@code defections} table (bean, {@code Encoders.bean(DefectionRecord.class)}).
 * Fields follow ../shared/spec/defection-records.md plus {@code eventId} (stable across runs), {@code incidentId}
 * (shared by the same-rank groups of one incident), {@code articleIds}, {@code mentionIds} (provenance: article id
 * and character offset of each mention), {@code mentionCount} and {@code evidence} (the best mention's sentence).
 */
public class DefectionRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  private String eventId;
  private String incidentId;
  private String personName;
  private List<String> aliases;
  private String rank;
  private String rankClass;
  private String natoCode;
  private String organization;
  private String originCountry;
  private String destinationCountry;
  private Integer groupSize;
  private Date eventDate;
  private Integer eventYear;
  private String eventMonth;
  private String datePrecision;
  private String status;
  private List<String> articleIds;
  private List<String> mentionIds;
  private int mentionCount;
  private String evidence;
  private String posting;
  private Date eventMonthDate;
  private String originCountryName;
  private String destinationCountryName;
  private Date firstReported;
  private Date lastReported;
  private List<String> urls;

  public String getEventId() { return eventId; }
  public void setEventId(String v) { eventId = v; }
  public String getIncidentId() { return incidentId; }
  public void setIncidentId(String v) { incidentId = v; }
  public String getPersonName() { return personName; }
  public void setPersonName(String v) { personName = v; }
  public List<String> getAliases() { return aliases; }
  public void setAliases(List<String> v) { aliases = v; }
  public String getRank() { return rank; }
  public void setRank(String v) { rank = v; }
  public String getRankClass() { return rankClass; }
  public void setRankClass(String v) { rankClass = v; }
  public String getNatoCode() { return natoCode; }
  public void setNatoCode(String v) { natoCode = v; }
  public String getOrganization() { return organization; }
  public void setOrganization(String v) { organization = v; }
  public String getOriginCountry() { return originCountry; }
  public void setOriginCountry(String v) { originCountry = v; }
  public String getDestinationCountry() { return destinationCountry; }
  public void setDestinationCountry(String v) { destinationCountry = v; }
  public Integer getGroupSize() { return groupSize; }
  public void setGroupSize(Integer v) { groupSize = v; }
  public Date getEventDate() { return eventDate; }
  public void setEventDate(Date v) { eventDate = v; }
  public Integer getEventYear() { return eventYear; }
  public void setEventYear(Integer v) { eventYear = v; }
  public String getEventMonth() { return eventMonth; }
  public void setEventMonth(String v) { eventMonth = v; }
  public String getDatePrecision() { return datePrecision; }
  public void setDatePrecision(String v) { datePrecision = v; }
  public String getStatus() { return status; }
  public void setStatus(String v) { status = v; }
  public List<String> getArticleIds() { return articleIds; }
  public void setArticleIds(List<String> v) { articleIds = v; }
  public List<String> getMentionIds() { return mentionIds; }
  public void setMentionIds(List<String> v) { mentionIds = v; }
  public int getMentionCount() { return mentionCount; }
  public void setMentionCount(int v) { mentionCount = v; }
  public String getEvidence() { return evidence; }
  public void setEvidence(String v) { evidence = v; }
  public String getPosting() { return posting; }
  public void setPosting(String v) { posting = v; }
  public Date getEventMonthDate() { return eventMonthDate; }
  public void setEventMonthDate(Date v) { eventMonthDate = v; }
  public String getOriginCountryName() { return originCountryName; }
  public void setOriginCountryName(String v) { originCountryName = v; }
  public String getDestinationCountryName() { return destinationCountryName; }
  public void setDestinationCountryName(String v) { destinationCountryName = v; }
  public Date getFirstReported() { return firstReported; }
  public void setFirstReported(Date v) { firstReported = v; }
  public Date getLastReported() { return lastReported; }
  public void setLastReported(Date v) { lastReported = v; }
  public List<String> getUrls() { return urls; }
  public void setUrls(List<String> v) { urls = v; }

  @Override
  public String toString() {
    return "Record{" + personName + " " + rank + "/" + rankClass + " " + originCountry + "->" + destinationCountry
        + " n=" + groupSize + " " + eventMonth + "/" + datePrecision + " " + status + " " + articleIds + "}";
  }
}

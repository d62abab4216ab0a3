package org.defections.resolve;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.defections.extract.DateResolver;
import org.defections.extract.Mention;
import org.defections.extract.Names;

/**
 * One defection record from the mentions that tell it (in report order). Its {@code event_id} hashes the origin and
 * the earliest report's mention (by publication date, then article id and offset; unknown dates last), so a report
 * that joins the record later does not rename it; only an earlier-published report would.
 */
final class RecordBuilder {
  /** The earliest report first: publication date (unknown last), article id, offset, mention id. */
  static final Comparator<Mention> EARLIEST = Comparator.comparing(Mention::getPublished,
      Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Mention::getArticleId)
      .thenComparingInt(Mention::getBegin).thenComparing(Mention::getMentionId);
  /** Report order: article id, offset, mention id. */
  static final Comparator<Mention> REPORT_ORDER = Comparator.comparing(Mention::getArticleId)
      .thenComparingInt(Mention::getBegin).thenComparing(Mention::getMentionId);

  /**
   * Which mention's date a record takes (the greatest; ties to the first in report order): the more precise, and at
   * the same precision a stated date before the month of publication given to news ("has defected").
   */
  static final Comparator<Mention> DATE_ORDER = Comparator.<Mention>comparingInt(m -> DateResolver.rank(
      m.getDatePrecision())).thenComparing(m -> !m.isDatedByPublication());

  private RecordBuilder() {}

  static DefectionRecord toRecord(List<Mention> c) {
    DefectionRecord r = new DefectionRecord();
    Mention first = c.get(0);
    // name: the fullest spelling; aliases: the others
    String name = null;
    Set<String> names = new LinkedHashSet<>();
    for (Mention m : c) {
      if (m.getPersonName() != null) {
        names.add(m.getPersonName());
        if (name == null || Names.tokens(m.getPersonName()).size() > Names.tokens(name).size()) {
          name = m.getPersonName();
        }
      }
    }
    r.setPersonName(name);
    List<String> aliases = new ArrayList<>();
    for (String n : names) {
      if (!n.equals(name)) {
        aliases.add(n);
      }
    }
    r.setAliases(aliases);
    Mention rankBest = null;
    for (Mention m : c) {
      if (m.getRank() != null && (rankBest == null || m.getRankSpecificity() > rankBest.getRankSpecificity())) {
        rankBest = m;
      }
    }
    r.setRank(rankBest == null ? null : rankBest.getRank());
    r.setRankClass(rankBest == null ? "UNKNOWN" : rankBest.getRankClass());
    r.setNatoCode(rankBest == null ? null : rankBest.getNatoCode());
    r.setOriginCountry(first.getOriginCountry());
    r.setDestinationCountry(mostFrequent(c, Mention::getDestinationCountry));
    r.setOrganization(mostFrequent(c, Mention::getOrganization));
    Integer size = mostFrequent(c, Mention::getGroupSize);
    r.setGroupSize(name != null ? Integer.valueOf(1) : size);
    Mention dateBest = null;
    for (Mention m : c) {
      if (dateBest == null || DATE_ORDER.compare(m, dateBest) > 0) {
        dateBest = m;
      }
    }
    r.setEventDate(dateBest.getEventDate());
    r.setEventYear(dateBest.getEventYear());
    r.setEventMonth(dateBest.getEventMonth());
    r.setDatePrecision(dateBest.getDatePrecision() == null ? "NONE" : dateBest.getDatePrecision());
    boolean confirmed = c.stream().anyMatch(m -> "CONFIRMED".equals(m.getStatus()));
    r.setStatus(confirmed ? "CONFIRMED" : "REPORTED");
    TreeSet<String> articles = new TreeSet<>();
    TreeSet<String> mentionIds = new TreeSet<>();
    for (Mention m : c) {
      articles.add(m.getArticleId());
      mentionIds.add(m.getMentionId());
    }
    r.setArticleIds(new ArrayList<>(articles));
    r.setMentionIds(new ArrayList<>(mentionIds));
    r.setMentionCount(c.size());
    Mention evidence = rankBest != null ? rankBest : first;
    r.setEvidence(evidence.getSentence());
    Mention earliest = c.stream().min(EARLIEST).orElseThrow();
    r.setPosting(mostFrequent(c, Mention::getPosting));
    r.setEventMonthDate(r.getEventMonth() == null ? null : Date.valueOf(r.getEventMonth() + "-01"));
    r.setOriginCountryName(CountryNames.of(r.getOriginCountry()));
    r.setDestinationCountryName(CountryNames.of(r.getDestinationCountry()));
    r.setFirstReported(c.stream().map(Mention::getPublished).filter(java.util.Objects::nonNull)
        .min(Comparator.naturalOrder()).orElse(null));
    r.setLastReported(c.stream().map(Mention::getPublished).filter(java.util.Objects::nonNull)
        .max(Comparator.naturalOrder()).orElse(null));
    r.setUrls(c.stream().map(Mention::getUrl).filter(java.util.Objects::nonNull).distinct().sorted().toList());
    r.setEventId(hash(r.getOriginCountry() + "|" + earliest.getMentionId()));
    r.setIncidentId(hash("incident|" + earliest.getIncidentKey()));
    return r;
  }

  private static <T> T mostFrequent(List<Mention> c, java.util.function.Function<Mention, T> f) {
    Map<T, Integer> counts = new HashMap<>();
    T best = null;
    int bestN = 0;
    for (Mention m : c) {
      T v = f.apply(m);
      if (v == null) {
        continue;
      }
      int n = counts.merge(v, 1, Integer::sum);
      if (n > bestN) {
        best = v;
        bestN = n;
      }
    }
    return best;
  }

  static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        sb.append(String.format("%02x", d[i]));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

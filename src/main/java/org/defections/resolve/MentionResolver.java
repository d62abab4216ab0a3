package org.defections.resolve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.defections.extract.DateResolver;
import org.defections.extract.Mention;
import org.defections.extract.Names;

/**
 * Resolution: the countable mentions of one origin country (from any number of articles) to defection records.
 * Plain Java; the Spark stage groups mentions by origin and calls {@link #resolve} per group.
 *
 * <p>Rules, in order: named mentions with compatible names (same surname, agreeing first names, tolerant
 * transliteration) and compatible ranks form one person; an unnamed single defector in an article that names a
 * compatible person is that person ("the colonel", "a Syrian pilot ... The pilot, Col. X"); unnamed mentions of one
 * rank and group size merge within an article, and across articles only when their dates agree to the month ("an
 * article" is one report: an article and the copies of its text under other ids); an
 * unnamed group total that restates the article's other records ("four officers ... two generals and two colonels")
 * is dropped. Two defections of one person from different states stay apart because resolution runs per origin.
 */
public final class MentionResolver {

  private MentionResolver() {}

  /** Diplomats at two different posts are two people. */
  static boolean postingsCompatible(Mention a, Mention b) {
    return a.getPosting() == null || b.getPosting() == null || a.getPosting().equals(b.getPosting());
  }

  /**
   * Two mentions come from one report when they are from one article or from copies of one text (the same wire
   * story under several ids: same {@code reportKey}); "same article" in the rules below means this.
   */
  static boolean sameReport(Mention a, Mention b) {
    return a.getArticleId().equals(b.getArticleId())
        || (a.getReportKey() != null && a.getReportKey().equals(b.getReportKey()));
  }

  public static List<DefectionRecord> resolve(List<Mention> mentions) {
    List<Mention> ms = new ArrayList<>();
    for (Mention m : mentions) {
      if (m.countable() && m.getOriginCountry() != null) {
        ms.add(m);
      }
    }
    ms.sort(Comparator.comparing(Mention::getArticleId).thenComparingInt(Mention::getBegin)
        .thenComparing(Mention::getMentionId));
    // copies of one report give the same mention once per copy: resolve one, count them all in the record
    Map<String, List<Mention>> byContent = new java.util.LinkedHashMap<>();
    for (Mention m : ms) {
      byContent.computeIfAbsent(copyKey(m), k -> new ArrayList<>()).add(m);
    }
    Map<Mention, List<Mention>> copiesOf = new java.util.IdentityHashMap<>();
    ms = new ArrayList<>();
    for (List<Mention> same : byContent.values()) {
      ms.add(same.get(0));
      copiesOf.put(same.get(0), same);
    }
    List<List<Mention>> clusters = new ArrayList<>();
    // 1. named persons
    for (Mention m : ms) {
      if (m.getPersonName() == null) {
        continue;
      }
      List<Mention> target = null;
      for (List<Mention> c : clusters) {
        if (c.stream().anyMatch(o -> Names.compatible(o.getPersonName(), m.getPersonName())
            && ranksCompatible(o, m))) {
          target = c;
          break;
        }
      }
      if (target == null) {
        target = new ArrayList<>();
        clusters.add(target);
      }
      target.add(m);
    }
    // 2. unnamed singles into a named person of the same article
    List<Mention> unnamed = new ArrayList<>();
    for (Mention m : ms) {
      if (m.getPersonName() != null) {
        continue;
      }
      List<Mention> target = null;
      int bestFit = 0;
      if (m.getGroupSize() != null && m.getGroupSize() == 1) {
        for (List<Mention> c : clusters) {
          boolean sameArticle = c.stream().anyMatch(o -> sameReport(o, m));
          boolean compatible = c.stream().allMatch(o -> ranksCompatible(o, m) && destinationsCompatible(o, m)
              && postingsCompatible(o, m));
          // "Libya's ambassador to India" is the person another article names as Libya's ambassador to India
          boolean samePost = m.getPosting() != null && c.stream().anyMatch(o -> m.getPosting().equals(o.getPosting()));
          if (!(sameArticle || samePost) || !compatible) {
            continue;
          }
          // a specific rank ("captain") joins only a person of that rank class; generic ones join anyone
          int fit = 1;
          boolean sameRank = c.stream().anyMatch(o -> m.getRank() != null && m.getRank().equals(o.getRank()));
          boolean sameClass = c.stream().anyMatch(o -> m.getRankClass() != null
              && m.getRankClass().equals(o.getRankClass()));
          boolean sameFamily = c.stream().anyMatch(o -> sameFamily(m.getRankClass(), o.getRankClass()));
          if (sameRank) {
            fit = 3;
          } else if (sameClass) {
            fit = 2;
          } else if (m.getRankSpecificity() >= 3 || (m.getRank() != null && !sameFamily)) {
            continue;
          }
          if (fit > bestFit) {
            bestFit = fit;
            target = c;
          }
        }
      }
      if (target != null) {
        target.add(m);
      } else {
        unnamed.add(m);
      }
    }
    // 3. unnamed groups among themselves
    List<List<Mention>> groups = new ArrayList<>();
    for (Mention m : unnamed) {
      List<Mention> target = null;
      for (List<Mention> g : groups) {
        Mention o = g.get(0);
        boolean sameRank = Objects.equals(o.getRank(), m.getRank()) && Objects.equals(o.getGroupSize(), m.getGroupSize())
            && Objects.equals(o.getPosting(), m.getPosting());
        boolean sameArticle = g.stream().anyMatch(x -> sameReport(x, m));
        boolean datesAgree = o.getEventMonth() != null && o.getEventMonth().equals(m.getEventMonth());
        boolean datesCompatible = o.getEventMonth() == null || m.getEventMonth() == null || datesAgree;
        // "Five doctors have asked for refuge ... The doctors had refused to return": a plural of unknown size
        // restates a counted group of its rank in the same article
        boolean restated = sameArticle && Objects.equals(o.getRank(), m.getRank()) && o.getRank() != null
            && (o.getGroupSize() == null) != (m.getGroupSize() == null)
            && !Integer.valueOf(1).equals(o.getGroupSize()) && !Integer.valueOf(1).equals(m.getGroupSize());
        if ((sameRank || restated) && destinationsCompatible(o, m) && ((sameArticle && datesCompatible) || datesAgree)) {
          target = g;
          break;
        }
      }
      if (target == null) {
        target = new ArrayList<>();
        groups.add(target);
      }
      target.add(m);
    }
    // 4. drop unnamed totals that restate the article's other records
    List<List<Mention>> kept = new ArrayList<>();
    for (List<Mention> g : groups) {
      if (restatesOthers(g, groups, clusters)) {
        continue;
      }
      kept.add(g);
    }
    clusters.addAll(kept);
    List<DefectionRecord> out = new ArrayList<>();
    for (List<Mention> c : clusters) {
      List<Mention> all = new ArrayList<>();
      for (Mention m : c) {
        all.addAll(copiesOf.get(m));
      }
      out.add(toRecord(all));
    }
    out.sort(Comparator.comparing(DefectionRecord::getEventId));
    return out;
  }

  /**
   * What makes two mentions the same mention of copies of one report: the report, the place in it (the mention id
   * after the article id) and what may differ between copies published on other days (the resolved date). A mention
   * without a report key is only itself.
   */
  static String copyKey(Mention m) {
    String inArticle = m.mentionIdInArticle();
    if (m.getReportKey() == null || inArticle == null) {
      return "mention|" + m.getArticleId() + "|" + m.getMentionId();
    }
    return "copy|" + m.getReportKey() + "|" + inArticle + "|" + m.getEventDate() + "|" + m.getEventMonth() + "|"
        + m.getDatePrecision() + "|" + m.getStatus();
  }

  private static boolean generic(Mention m) {
    return m.getRank() == null || m.getRankSpecificity() <= 2;
  }

  private static boolean restatesOthers(List<Mention> g, List<List<Mention>> groups, List<List<Mention>> named) {
    Mention m = g.get(0);
    if (!generic(m)) {
      return false;
    }
    for (Mention x : g) {
      int others = 0;
      int total = 0;
      for (List<Mention> o : groups) {
        if (o == g) {
          continue;
        }
        for (Mention y : o) {
          // "four officers ... two generals and two colonels": the others must be of the total's service (a senior
          // officer is not a restatement of three ambassadors)
          if (sameReport(y, x) && !generic(y) && sameFamily(m.getRankClass(), y.getRankClass())) {
            others++;
            total += y.getGroupSize() == null ? 0 : y.getGroupSize();
            break;
          }
        }
      }
      for (List<Mention> o : named) {
        if (o.stream().anyMatch(y -> sameReport(y, x) && sameFamily(m.getRankClass(), y.getRankClass()))) {
          others++;
          total += 1;
        }
      }
      Integer n = x.getGroupSize();
      if (others > 0 && (n == null || n <= total)) {
        return true;
      }
    }
    return false;
  }

  static boolean ranksCompatible(Mention a, Mention b) {
    if (a.getRank() == null || b.getRank() == null || a.getRank().equals(b.getRank())) {
      return true;
    }
    String ca = a.getRankClass();
    String cb = b.getRankClass();
    if ("UNKNOWN".equals(ca) || "UNKNOWN".equals(cb)) {
      return true;
    }
    if (ca.equals(cb)) {
      // "General" vs "Brigadier General": one is generic; "Major General" vs "Captain" never get here
      return a.getRankSpecificity() <= 5 || b.getRankSpecificity() <= 5
          || a.getRank().endsWith(b.getRank()) || b.getRank().endsWith(a.getRank());
    }
    // a person can hold a rank and a political office (a general who is minister)
    return a.getRankSpecificity() <= 2 || b.getRankSpecificity() <= 2
        || ("POLITICAL_LEADER".equals(ca) || "POLITICAL_LEADER".equals(cb)) && (ca.endsWith("OFFICER")
            || cb.endsWith("OFFICER"));
  }

  private static final Set<String> MILITARY = Set.of("GENERAL_OFFICER", "SENIOR_OFFICER", "JUNIOR_OFFICER", "ENLISTED");
  private static final Set<String> CIVIL = Set.of("OFFICIAL", "DIPLOMAT", "POLITICAL_LEADER");

  /** A generic description ("an officer", "an official") can only name a person of the same service. */
  static boolean sameFamily(String a, String b) {
    if (a == null || b == null || "UNKNOWN".equals(a) || "UNKNOWN".equals(b) || a.equals(b)) {
      return true;
    }
    return MILITARY.contains(a) && MILITARY.contains(b) || CIVIL.contains(a) && CIVIL.contains(b);
  }

  private static boolean destinationsCompatible(Mention a, Mention b) {
    return a.getDestinationCountry() == null || b.getDestinationCountry() == null
        || a.getDestinationCountry().equals(b.getDestinationCountry());
  }

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
      if (dateBest == null || DateResolver.rank(m.getDatePrecision()) > DateResolver.rank(dateBest.getDatePrecision())) {
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
    String anchor = mentionIds.first();
    r.setEventId(hash(r.getOriginCountry() + "|" + anchor));
    r.setIncidentId(hash("incident|" + c.stream().map(Mention::getIncidentKey).min(String::compareTo).orElse(anchor)));
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

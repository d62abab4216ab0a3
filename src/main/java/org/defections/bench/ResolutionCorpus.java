package org.defections.bench;

import java.io.Serializable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.defections.extract.Mention;
import org.defections.extract.Names;

/**
 * Mentions with known truth for the resolution benchmark: {@code people} named officers and {@code events} unnamed
 * group defections of one origin, reported in {@code mentions} mentions, each in an article of its own. A mention is a
 * pure function of its index (so Spark generates them where they are used). Named reports vary the name as reports
 * do: first names by transliteration (Mohammed / Muhammad / Mohamed), the middle name dropped or given, the particle
 * of the last name hyphenated or not ("al-Hassan" / "al Hassan"), a generic rank ("officer") for a specific one. The
 * reports of an unnamed event give its day (a few only its month), rank, group size and destination. Two people
 * never share a first and last name (up to spelling), and two events never share day, rank and group size, so that
 * the truth is what a careful reader could know.
 */
public final class ResolutionCorpus implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String ORIGIN = "SYR";
  /** Groups of spellings of one first name. */
  private static final String[][] FIRST = {{"Mohammed", "Muhammad", "Mohamed"}, {"Omar", "Umar"},
      {"Ahmed", "Ahmad"}, {"Hussein", "Husayn", "Hussain"}, {"Youssef", "Yusuf", "Yousef"}, {"Khaled", "Khalid"},
      {"Abdullah", "Abdallah"}, {"Mustafa", "Mostafa"}, {"Ibrahim", "Ebrahim"}, {"Tariq", "Tarek"}, {"Walid"},
      {"Fadi"}, {"Nabil"}, {"Samir"}, {"Karim", "Kareem"}, {"Faisal", "Faysal"}, {"Jamal", "Gamal"}, {"Rami"},
      {"Bassam"}, {"Ziad", "Ziyad"}, {"Hani"}, {"Imad", "Emad"}, {"Majid", "Majed"}, {"Riyad", "Riad"}, {"Anas"},
      {"Bilal"}, {"Firas"}, {"Ghassan"}, {"Hisham"}, {"Issam"}};
  private static final String[] MIDDLE = {"Ali", "Hassan", "Said", "Adnan", "Fawzi", "Kamal", "Nizar", "Talal"};
  private static final String[] RANKS = {"Colonel", "Lieutenant Colonel", "Major", "Captain", "Brigadier General",
      "Lieutenant"};
  private static final String[] RANK_CLASSES = {"SENIOR_OFFICER", "SENIOR_OFFICER", "SENIOR_OFFICER",
      "JUNIOR_OFFICER", "GENERAL_OFFICER", "JUNIOR_OFFICER"};
  private static final int[] SPECIFICITY = {8, 9, 8, 8, 9, 7};
  private static final String[] DESTINATIONS = {"TUR", "JOR", "LBN", "IRQ", "DEU", "FRA", "EGY", "QAT", "SAU", "USA"};
  /** Group sizes of unnamed events: 2 to {@code 1 + SIZES}. */
  private static final int SIZES = 12;
  private static final LocalDate START = LocalDate.of(2011, 3, 1);

  private final long seed;
  private final long mentions;
  private final int people;
  private final int events;
  private final long namedMentions;
  private final List<String> surnames;

  public ResolutionCorpus(long seed, long mentions, int people, int events) {
    if (people < 1 || events < 1 || mentions < 2L * (people + events)) {
      throw new IllegalArgumentException("need at least two mentions per person and event: " + mentions
          + " mentions for " + people + " people and " + events + " events");
    }
    this.seed = seed;
    this.mentions = mentions;
    this.people = people;
    this.events = events;
    this.namedMentions = mentions - 2L * events - (mentions - 2L * (people + events)) / 10;
    int needed = (people + FIRST.length - 1) / FIRST.length;
    this.surnames = surnames(seed, needed);
  }

  public long size() {
    return mentions;
  }

  /** The entity a mention tells: {@code P<n>} a person, {@code E<n>} an unnamed event. */
  public String truth(long i) {
    return i < namedMentions ? "P" + (i % people) : "E" + ((i - namedMentions) % events);
  }

  public Mention mention(long i) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
    Mention m = new Mention();
    String article = "r" + i;
    m.setArticleId(article);
    m.setMentionId(article + "#100#0");
    m.setIncidentKey(article + "#100");
    m.setBegin(100);
    m.setEnd(108);
    m.setTrigger("defected");
    m.setSentence("generated");
    m.setOriginCountry(ORIGIN);
    m.setFactuality("ASSERTED");
    m.setStatus("CONFIRMED");
    m.setLanguage("en");
    if (i < namedMentions) {
      named(m, (int) (i % people), r);
    } else {
      unnamed(m, (int) ((i - namedMentions) % events), r);
    }
    return m;
  }

  private void named(Mention m, int p, SplittableRandom r) {
    String[] first = FIRST[p % FIRST.length];
    String last = surnames.get(p / FIRST.length);
    String middle = MIDDLE[(p / 7) % MIDDLE.length];
    StringBuilder name = new StringBuilder(first[r.nextInt(first.length)]);
    if (r.nextInt(3) == 0) {
      name.append(' ').append(middle);
    }
    name.append(' ').append(r.nextBoolean() ? "al-" + last : "al " + last);
    m.setPersonName(name.toString());
    int rank = p % RANKS.length;
    if (r.nextInt(5) == 0) {
      m.setRank("Officer");
      m.setRankClass("UNKNOWN");
      m.setRankSpecificity(1);
    } else {
      m.setRank(RANKS[rank]);
      m.setRankClass(RANK_CLASSES[rank]);
      m.setRankSpecificity(SPECIFICITY[rank]);
    }
    m.setGroupSize(1);
    LocalDate day = START.plusDays((p * 7L) % 3650);
    date(m, day, r.nextInt(4) == 0 ? "MONTH" : "DAY");
    if (r.nextBoolean()) {
      m.setDestinationCountry(DESTINATIONS[p % DESTINATIONS.length]);
    }
    m.setPublished(Date.valueOf(day.plusDays(r.nextInt(30))));
  }

  private void unnamed(Mention m, int e, SplittableRandom r) {
    int size = e % SIZES + 2;
    int rank = (e / SIZES) % RANKS.length;
    LocalDate day = START.plusDays(e / (SIZES * RANKS.length));
    m.setRank(RANKS[rank]);
    m.setRankClass(RANK_CLASSES[rank]);
    m.setRankSpecificity(SPECIFICITY[rank]);
    m.setGroupSize(size);
    m.setDestinationCountry(DESTINATIONS[(e * 7) % DESTINATIONS.length]);
    date(m, day, r.nextInt(30) == 0 ? "MONTH" : "DAY");
    m.setPublished(Date.valueOf(day.plusDays(r.nextInt(5))));
  }

  private static void date(Mention m, LocalDate day, String precision) {
    m.setEventYear(day.getYear());
    m.setEventMonth(String.format("%04d-%02d", day.getYear(), day.getMonthValue()));
    m.setDatePrecision(precision);
    m.setEventDate("DAY".equals(precision) ? Date.valueOf(day) : null);
  }

  /**
   * {@code n} surnames from syllables, no two alike by {@link Names#similar} (which would make two people one) and
   * none a particle.
   */
  static List<String> surnames(long seed, int n) {
    String[] onsets = {"b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "r", "s", "t", "z", "sh", "kh"};
    String[] vowels = {"a", "i", "u", "o", "e"};
    SplittableRandom r = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    java.util.Set<String> skeletons = new java.util.HashSet<>();
    while (out.size() < n) {
      StringBuilder s = new StringBuilder();
      int syllables = 2 + r.nextInt(2);
      for (int k = 0; k < syllables; k++) {
        s.append(onsets[r.nextInt(onsets.length)]).append(vowels[r.nextInt(vowels.length)]);
      }
      s.append(onsets[r.nextInt(onsets.length)]);
      String name = Character.toUpperCase(s.charAt(0)) + s.substring(1);
      List<String> t = Names.tokens(name);
      // one distinct spelling key per surname: names that share it are one name to a reader, and to the resolution
      if (t.size() == 1 && skeletons.add(Names.phoneticKey(t.get(0)))) {
        out.add(name);
      }
    }
    return out;
  }
}

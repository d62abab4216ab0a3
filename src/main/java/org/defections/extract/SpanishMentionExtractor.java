package org.defections.extract;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.defections.lexicon.Lexicons;
import org.defections.lexicon.Lexicons.EsRank;
import org.defections.lexicon.Lexicons.PlaceEntry;
import org.defections.lexicon.Lexicons.TriggerEntry;

/**
 * The extraction rules for Spanish articles, over the same annotations as the English rules (sentences and tokens)
 * and the Spanish lexicons ({@code es_triggers.tsv}, {@code es_ranks.tsv}, {@code es_places.tsv},
 * {@code es_words.tsv}); mentions carry the same English canonical fields (rank "Lieutenant", ISO countries) and
 * {@code language = "es"}.
 *
 * <p>Rules, per trigger ("desertaron", "se pasaron a", "pidieron asilo", ...): the defectors are the rank phrases of
 * the clause before the trigger, or after it (Spanish puts subjects after the verb: "desertaron tres sargentos"),
 * each with its number ("dos tenientes y cuatro sargentos" is two groups) and a name that follows a singular rank or
 * stands in apposition; the origin is a demonym, a force ("de la Guardia Nacional Bolivariana") or a state named in
 * the clause, else the last origin of the passage, else the state the passage names most; the destination is a state
 * after "a", "hacia" or "en" following the trigger; factuality from cue words (según, presuntamente, the conditional
 * "habría", planea/intentó, podría, negó, "no" before the verb); the date from Spanish expressions ("el 23 de febrero
 * de 2019", "el sábado", "la semana pasada", "en 2019") resolved against the publication date. Plain Java.
 */
public final class SpanishMentionExtractor {
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern UP_TO_3_DIGITS = Pattern.compile("\\d{1,3}");
  private static final Pattern DAY = Pattern.compile("\\d{1,2}");
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
  private static final Set<String> PERFECT_AUX = Set.of("ha", "han", "he", "hemos");
  private static final Set<String> CLAUSE_BREAK = Set.of(";", ":", "pero", "mientras", "aunque");
  private static final Set<String> SENSE_EDUCATION = Set.of("escuela", "colegio", "estudios", "universidad",
      "escolar", "aulas");
  private static final Set<String> SENSE_PARTY = Set.of("partido", "bancada", "equipo", "club");
  private static final Set<String> NAME_STOP = Set.of("El", "La", "Los", "Las", "Un", "Una", "En", "Según", "Al",
      "Del", "De", "Por", "Con", "Tras", "Este", "Esta", "Ese", "Esa");
  private static final int WINDOW_AFTER = 12;
  private static final Set<String> FORCE_NOUNS = Set.of("ejército", "armada", "fuerzas", "filas", "gobierno",
      "régimen", "guardia", "policía", "aviación", "marina");

  private final Lexicons lx;

  public SpanishMentionExtractor(Lexicons lexicons) {
    this.lx = lexicons;
  }

  /** A lexicon phrase found at tokens [begin, end). */
  private record Hit(int begin, int end, String kind, Object entry) {}

  private static final class Defector {
    String name;
    EsRank rank;
    Integer count;
    boolean vague;
    int at;
  }

  public List<Mention> extract(AnnotatedDocument doc) {
    List<AnnotatedDocument.Span> toks = doc.tokens();
    int n = toks.size();
    String[] low = new String[n];
    for (int i = 0; i < n; i++) {
      low[i] = Lexicons.key(toks.get(i).text());
    }
    Hit[] hitAt = new Hit[n];
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < n; ) {
      Hit h = longest(low, i, toks);
      if (h == null) {
        i++;
        continue;
      }
      hits.add(h);
      for (int k = h.begin; k < h.end; k++) {
        hitAt[k] = h;
      }
      i = h.end;
    }
    List<Mention> out = new ArrayList<>();
    String lastOrigin = null;
    int lastOriginSentence = -10;
    List<Defector> previous = null;
    int previousSentence = -1;
    int k = 0;
    for (Hit trig : hits) {
      if (!trig.kind.equals("TRIGGER")) {
        continue;
      }
      TriggerEntry entry = (TriggerEntry) trig.entry;
      int s = toks.get(trig.begin).sentence();
      int ss = sentenceStart(toks, trig.begin);
      int se = sentenceEnd(toks, trig.begin);
      int cs = trig.begin;
      while (cs > ss && !CLAUSE_BREAK.contains(low[cs - 1])
          && !(hitAt[cs - 1] != null && hitAt[cs - 1].kind.equals("TRIGGER"))) {
        cs--;
      }
      int ce = trig.end;
      while (ce < se && ce < trig.end + WINDOW_AFTER && !CLAUSE_BREAK.contains(low[ce])
          && !(hitAt[ce] != null && hitAt[ce].kind.equals("TRIGGER"))) {
        ce++;
      }

      List<Defector> defectors = defectors(toks, low, hitAt, cs, trig.begin);
      if (defectors.isEmpty()) {
        defectors = defectors(toks, low, hitAt, trig.end, ce); // verb-subject order
      }
      if (defectors.isEmpty() && previous != null && previousSentence == s) {
        defectors = previous; // "desertó el lunes y pidió asilo en Brasil": the predicates share their subject
      }
      previous = defectors.isEmpty() ? null : defectors;
      previousSentence = s;
      String sense = sense(low, trig, ce);

      String origin = null;
      String cue = null;
      for (int i = cs; i < ce; i++) {
        if (i >= trig.begin && i < trig.end) {
          continue;
        }
        Hit h = hitAt[i];
        if (h != null && h.kind.equals("PLACE") && h.begin == i && originReading(low, i, trig, (PlaceEntry) h.entry)) {
          origin = ((PlaceEntry) h.entry).iso3();
          cue = toks.get(i).text();
          if (i < trig.begin) {
            break;
          }
        }
      }
      String destination = destination(low, hitAt, trig.end, ce, origin);
      if (origin == null && lastOrigin != null && s - lastOriginSentence <= 3) {
        origin = lastOrigin;
        cue = "previous defector";
      }
      if (origin == null) {
        origin = mostNamedState(hits, destination);
        cue = origin == null ? null : "article";
      }
      if (origin != null && origin.equals(destination)) {
        destination = null;
      }
      String[] fact = factuality(low, ss, trig, ce);
      DateResolver.Resolved date = date(low, toks, ss, se, trig, doc);

      if (defectors.isEmpty()) {
        defectors.add(new Defector());
      }
      for (Defector d : defectors) {
        Mention m = new Mention();
        m.setArticleId(doc.articleId());
        m.setUrl(doc.url());
        m.setTrigger(spanText(doc, toks, trig.begin, trig.end));
        m.setSentenceIndex(s);
        m.setSentence(doc.text().substring(toks.get(ss).begin(), toks.get(se - 1).end()));
        m.setBegin(doc.textOffset() + toks.get(trig.begin).begin());
        m.setEnd(doc.textOffset() + toks.get(trig.end - 1).end());
        m.setMentionId(doc.articleId() + "#" + m.getBegin() + "#" + (k++));
        m.setIncidentKey(doc.articleId() + "#" + doc.textOffset() + "#" + s + "#" + trig.begin);
        m.setPersonName(d.name);
        if (d.rank != null) {
          m.setRank(d.rank.rank().canonical());
          m.setRankClass(d.rank.rank().rankClass());
          m.setRankSpecificity(d.rank.rank().specificity());
        } else {
          m.setRankClass("UNKNOWN");
        }
        m.setOriginCountry(origin);
        m.setOriginCue(cue);
        m.setDestinationCountry(destination);
        m.setNatoCode(m.getRank() == null ? null : lx.natoCode(m.getRank(), origin));
        boolean group = d.count != null ? d.count > 1 : d.rank != null && d.rank.plural();
        m.setGroupSize(d.vague ? null : d.count != null ? d.count : group ? null : 1);
        m.setEventDate(date.date() == null ? null : Date.valueOf(date.date()));
        m.setEventYear(date.year());
        m.setEventMonth(date.eventMonth());
        m.setDatePrecision(date.precision());
        m.setFactuality(fact[0]);
        m.setFactualityCue(fact[1]);
        m.setStatus("REPORTED".equals(fact[0]) ? "REPORTED" : "CONFIRMED");
        m.setLanguage("es");
        boolean stateContext = destination != null || (cue != null && !cue.equals("article"));
        if (sense != null) {
          m.setKeptOutReason("sense:" + sense);
        } else if (d.vague || (d.count != null && d.count >= 100)) {
          m.setFactuality("STATISTIC");
          m.setFactualityCue(d.vague ? "vague quantity" : "large count");
        } else if (!entry.strong() && !stateContext) {
          m.setKeptOutReason("weak_trigger_without_state_context");
        } else if (origin == null) {
          m.setKeptOutReason("origin_unknown");
        } else if (d.name == null && d.rank == null && d.count == null) {
          m.setKeptOutReason("no_defector");
        }
        out.add(m);
        if (m.countable()) {
          lastOrigin = origin;
          lastOriginSentence = s;
        }
      }
    }
    return out;
  }

  /**
   * Whether a place names the state left: before the trigger a demonym, force, regime or "de + state" ("tres
   * sargentos venezolanos", "de la Guardia Nacional Bolivariana", "del régimen de Maduro"); after it only a force or
   * regime, "de/del + state", or a demonym qualifying a force ("desertaron del ejército venezolano"), never a place
   * reached ("hacia Colombia") nor the people who received them ("informaron autoridades colombianas").
   */
  private boolean originReading(String[] low, int i, Hit trig, PlaceEntry p) {
    String prev = i > 0 ? low[i - 1] : "";
    boolean ofState = p.kind().equals("NAME") && (prev.equals("de") || prev.equals("del"));
    boolean force = p.kind().equals("FORCE") || p.kind().equals("REGIME");
    if (i < trig.begin) {
      return force || ofState || p.kind().equals("DEMONYM");
    }
    return force || ofState || (p.kind().equals("DEMONYM") && FORCE_NOUNS.contains(prev));
  }

  /** The longest lexicon phrase starting at token i (triggers first, then ranks, places, words), or null. */
  private Hit longest(String[] low, int i, List<AnnotatedDocument.Span> toks) {
    for (int len = Math.min(lx.esLongestPhrase(), low.length - i); len >= 1; len--) {
      StringBuilder b = new StringBuilder(low[i]);
      for (int k = 1; k < len; k++) {
        b.append(' ').append(low[i + k]);
      }
      String phrase = b.toString();
      TriggerEntry t = lx.esTriggers().get(phrase);
      if (t != null) {
        return new Hit(i, i + len, "TRIGGER", t);
      }
      EsRank r = lx.esRank(phrase);
      if (r != null && (!r.ambiguous() || rankReading(low, toks, i, i + len))) {
        return new Hit(i, i + len, "RANK", r);
      }
      List<PlaceEntry> p = lx.esPlaces(phrase);
      if (!p.isEmpty()) {
        return new Hit(i, i + len, "PLACE", p.get(0));
      }
    }
    return null;
  }

  /** An ambiguous rank word ("mayor", "general", "oficial") is a rank after an article or a number, or before a name. */
  private boolean rankReading(String[] low, List<AnnotatedDocument.Span> toks, int b, int e) {
    boolean after = b > 0 && ("DET".equals(wordClass(low[b - 1])) || "NUMBER".equals(wordClass(low[b - 1]))
        || DIGITS.matcher(low[b - 1]).matches());
    boolean beforeName = e < low.length && capitalised(toks.get(e).text()) && wordClass(low[e]) == null
        && lx.esPlaces(low[e]).isEmpty();
    boolean followedByNoun = e < low.length && Set.of("parte", "número", "cantidad", "edad", "medida", "escala")
        .contains(low[e]);
    return (after || beforeName) && !followedByNoun;
  }

  /** The defectors named by the rank phrases and names in tokens [from, to). */
  private List<Defector> defectors(List<AnnotatedDocument.Span> toks, String[] low, Hit[] hitAt, int from, int to) {
    List<Defector> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Hit h = hitAt[i];
      if (h == null || !h.kind.equals("RANK") || h.begin != i) {
        continue;
      }
      Defector d = new Defector();
      d.rank = (EsRank) h.entry;
      d.at = i;
      int j = i - 1;
      while (j >= from && (low[j].equals("de") || low[j].equals("altos") || low[j].equals("alto")
          || low[j].equals("grupo") || "DET".equals(wordClass(low[j])) && !low[j].equals("un")
          && !low[j].equals("una"))) {
        j--;
      }
      if (j >= from) {
        String[] w = lx.esWord(low[j]);
        if (UP_TO_3_DIGITS.matcher(low[j]).matches()) {
          d.count = Integer.parseInt(low[j]);
        } else if (w != null && w[0].equals("NUMBER")) {
          d.count = Integer.parseInt(w[1]);
        } else if (w != null && w[0].equals("VAGUE")) {
          d.vague = true;
        }
      }
      if (d.count != null && d.count == 1 && d.rank.plural()) {
        d.count = null; // "uno de los sargentos": not a count of the group
      }
      int e = h.end;
      // a name after a singular rank: "el teniente coronel José Antonio Pérez"; "un capitán de la Fuerza Armada
      // Nacional Bolivariana, José Luis Mendoza,": skip a demonym, a force and their articles in between
      while (e < to && e < h.end + 10 && (hitAt[e] != null && hitAt[e].kind.equals("PLACE")
          && !((PlaceEntry) hitAt[e].entry).kind().equals("NAME") || Set.of("de", "del", "la", "las", "los", "el", ",")
          .contains(low[e]))) {
        e = hitAt[e] != null ? hitAt[e].end : e + 1;
      }
      if (!d.rank.plural()) {
        d.name = nameAt(toks, low, hitAt, e, to);
        if (d.name == null) {
          d.name = appositionName(toks, low, hitAt, from, i);
        }
      }
      out.add(d);
      i = h.end - 1;
    }
    if (out.isEmpty()) {
      // a named person with no rank: the last capitalised run before the verb
      for (int i = to - 1; i >= from; i--) {
        String name = nameAt(toks, low, hitAt, i, to);
        if (name != null && (i == from || !capitalised(toks.get(i - 1).text()))) {
          Defector d = new Defector();
          d.name = name;
          d.at = i;
          out.add(d);
          break;
        }
      }
    }
    return out;
  }

  /** "José Pérez, un sargento ...": a name of two or more capitalised words ending with a comma before the rank. */
  private String appositionName(List<AnnotatedDocument.Span> toks, String[] low, Hit[] hitAt, int from, int rank) {
    int comma = rank - 1;
    while (comma > from && ("DET".equals(wordClass(low[comma])) || "NUMBER".equals(wordClass(low[comma])))) {
      comma--;
    }
    if (comma <= from || !low[comma].equals(",")) {
      return null;
    }
    int b = comma;
    while (b > from && capitalised(toks.get(b - 1).text()) && hitAt[b - 1] == null) {
      b--;
    }
    return nameAt(toks, low, hitAt, b, comma);
  }

  /** A run of two to five capitalised tokens at {@code i} that are no lexicon phrase, or null. */
  private String nameAt(List<AnnotatedDocument.Span> toks, String[] low, Hit[] hitAt, int i, int to) {
    int e = i;
    List<String> parts = new ArrayList<>();
    while (e < to && parts.size() < 6) {
      String t = toks.get(e).text();
      boolean particle = !parts.isEmpty() && Set.of("de", "del", "la", "y").contains(t) && e + 1 < to
          && capitalised(toks.get(e + 1).text());
      if (!(capitalised(t) && hitAt[e] == null && !NAME_STOP.contains(t) && wordClass(low[e]) == null) && !particle) {
        break;
      }
      parts.add(t);
      e++;
    }
    long capitals = parts.stream().filter(SpanishMentionExtractor::capitalised).count();
    return capitals >= 2 ? String.join(" ", parts) : null;
  }

  private static boolean capitalised(String t) {
    return !t.isEmpty() && Character.isUpperCase(t.codePointAt(0)) && t.codePoints().skip(1).allMatch(
        c -> Character.isLowerCase(c) || c == '-' || c == '\'');
  }

  private String sense(String[] low, Hit trig, int ce) {
    for (int i = trig.end; i < Math.min(ce, trig.end + 5); i++) {
      if (SENSE_EDUCATION.contains(low[i])) {
        return "EDUCATION";
      }
      if (SENSE_PARTY.contains(low[i])) {
        return "PARTY";
      }
    }
    return null;
  }

  /** A state after "a", "hacia" or "en" (or a demonym: "territorio colombiano") following the trigger. */
  private String destination(String[] low, Hit[] hitAt, int te, int ce, String origin) {
    boolean afterTo = te > 0 && low[te - 1].equals("a"); // "se pasaron a Colombia"
    for (int i = te; i < ce; i++) {
      if ("TO".equals(wordClass(low[i]))) {
        afterTo = true;
        continue;
      }
      Hit h = hitAt[i];
      if (afterTo && h != null && h.kind.equals("PLACE") && h.begin == i) {
        PlaceEntry p = (PlaceEntry) h.entry;
        if ((p.kind().equals("NAME") || p.kind().equals("DEMONYM") || p.kind().equals("CAPITAL")
            || p.kind().startsWith("CONTEXT")) && !p.iso3().equals(origin)) {
          return p.iso3();
        }
      }
    }
    return null;
  }

  private String mostNamedState(List<Hit> hits, String destination) {
    java.util.Map<String, Integer> freq = new java.util.HashMap<>();
    for (Hit h : hits) {
      if (h.kind.equals("PLACE")) {
        PlaceEntry p = (PlaceEntry) h.entry;
        if (!p.iso3().equals(destination) && !p.kind().startsWith("CONTEXT")) {
          freq.merge(p.iso3(), 1, Integer::sum);
        }
      }
    }
    return freq.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey)
        .orElse(null);
  }

  /** {factuality, cue}: the strongest cue of the clause, as in the English rules' order of precedence. */
  private String[] factuality(String[] low, int ss, Hit trig, int ce) {
    for (int i = Math.max(ss, trig.begin - 2); i < trig.begin; i++) {
      if ("NEGATED".equals(wordClass(low[i]))) {
        return new String[] {"NEGATED", low[i]};
      }
    }
    String[] found = null;
    for (int i = ss; i < ce; i++) {
      String c = wordClass(low[i]);
      if (c == null || (i >= trig.begin && i < trig.end && !c.equals("HYPOTHETICAL"))) {
        continue;
      }
      if (c.equals("DENIED") && i < trig.begin) {
        return new String[] {"DENIED", low[i]};
      }
      if ((c.equals("PLANNED") || c.equals("HYPOTHETICAL")) && i < trig.end) {
        found = new String[] {c, low[i]};
      } else if (c.equals("REPORTED") && found == null) {
        found = new String[] {"REPORTED", low[i]};
      }
    }
    return found != null ? found : new String[] {"ASSERTED", null};
  }

  /** The date expression of the sentence nearest the trigger, resolved; else the present perfect's month. */
  private DateResolver.Resolved date(String[] low, List<AnnotatedDocument.Span> toks, int ss, int se, Hit trig,
      AnnotatedDocument doc) {
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    for (int i = ss; i < se; i++) {
      String value = null;
      int at = i;
      String[] w = lx.esWord(low[i]);
      String phrase3 = i + 2 < se ? low[i] + " " + low[i + 1] + " " + low[i + 2] : null;
      String phrase2 = i + 1 < se ? low[i] + " " + low[i + 1] : null;
      String[] rel = phrase3 != null && lx.esWord(phrase3) != null ? lx.esWord(phrase3)
          : phrase2 != null && lx.esWord(phrase2) != null ? lx.esWord(phrase2) : null;
      if (rel != null && rel[0].equals("REL")) {
        value = "REL:" + rel[1];
      } else if (DAY.matcher(low[i]).matches() && i + 2 < se && low[i + 1].equals("de") && month(low[i + 2]) != null) {
        int day = Integer.parseInt(low[i]);
        int mo = month(low[i + 2]);
        if (i + 4 < se && low[i + 3].equals("de") && YEAR.matcher(low[i + 4]).matches()) {
          value = String.format("DATE:%s-%02d-%02d", low[i + 4], mo, day);
        } else {
          value = String.format("MD:%02d-%02d", mo, day);
        }
      } else if (month(low[i]) != null && (i == ss || !low[i - 1].equals("de")
          || !DAY.matcher(low[Math.max(ss, i - 2)]).matches())) {
        int mo = month(low[i]);
        if (i + 2 < se && low[i + 1].equals("de") && YEAR.matcher(low[i + 2]).matches()) {
          value = String.format("MONTH:%s-%02d", low[i + 2], mo);
        } else if (i > ss && (low[i - 1].equals("en") || low[i - 1].equals("de"))) {
          value = String.format("M:%02d", mo);
        }
      } else if (w != null && w[0].equals("WEEKDAY") && i > ss && (low[i - 1].equals("el")
          || low[i - 1].equals("este"))) {
        value = "WEEKDAY:" + w[1] + ":LAST";
      } else if (w != null && w[0].equals("REL")) {
        value = "REL:" + w[1];
      } else if (YEAR.matcher(low[i]).matches() && i > ss && (low[i - 1].equals("en")
          || low[i - 1].equals("año"))) {
        value = "YEAR:" + low[i];
      }
      if (value != null) {
        int dist = Math.abs(at - trig.begin);
        if (dist < bestDist) {
          best = value;
          bestDist = dist;
        }
      }
    }
    if (best != null) {
      DateResolver.Resolved r = DateResolver.resolve(best, doc.referenceDate());
      if (r.year() != null) {
        return r;
      }
    }
    boolean perfect = (trig.begin > 0 && PERFECT_AUX.contains(low[trig.begin - 1]))
        || PERFECT_AUX.contains(low[trig.begin]) || (trig.end - trig.begin > 1 && PERFECT_AUX.contains(
            low[trig.begin + 1]));
    if (perfect && doc.referenceDate() != null) {
      return new DateResolver.Resolved(null, doc.referenceDate().getYear(), doc.referenceDate().getMonthValue(),
          "MONTH");
    }
    return DateResolver.Resolved.NONE;
  }

  private Integer month(String w) {
    String[] e = lx.esWord(w);
    return e != null && e[0].equals("MONTH") ? Integer.valueOf(e[1]) : null;
  }

  private String wordClass(String w) {
    String[] e = lx.esWord(w);
    return e == null ? null : e[0];
  }

  private static int sentenceStart(List<AnnotatedDocument.Span> toks, int i) {
    int s = toks.get(i).sentence();
    while (i > 0 && toks.get(i - 1).sentence() == s) {
      i--;
    }
    return i;
  }

  private static int sentenceEnd(List<AnnotatedDocument.Span> toks, int i) {
    int s = toks.get(i).sentence();
    while (i < toks.size() && toks.get(i).sentence() == s) {
      i++;
    }
    return i;
  }

  private static String spanText(AnnotatedDocument doc, List<AnnotatedDocument.Span> toks, int b, int e) {
    return doc.text().substring(toks.get(b).begin(), toks.get(e - 1).end()).toLowerCase(Locale.ROOT);
  }
}

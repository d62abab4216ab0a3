package org.defections.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Scores predicted defection records (rows of the {@code defections} table as JSON) against gold records, exactly as
 * {@code ../shared/eval/score.py} does: a gold record matches at most one prediction of the same origin country, by
 * name similarity for named gold, by rank class or group size for unnamed gold, greedily from the best pair;
 * predictions matched to optional gold count neither way. Field accuracy is measured on matched non-optional pairs.
 * Plain Java, no Spark.
 */
public final class Scorer {
  private static final Set<String> PARTICLES = Set.of("al", "el", "ad", "as", "ash", "ar", "an", "at", "az");
  private static final String SEPARATORS = "-'’`.,()";
  /** Fields compared on matched records, in score.py's order. */
  public static final List<String> FIELDS = List.of("rank", "rank_class", "destination", "date", "group_size",
      "status");

  /** The outcome: the figures of score.py --json, and the missed, spurious and matched records. */
  public static final class Result {
    public int gold;
    public int predicted;
    public int tp;
    public int fp;
    public int fn;
    public double precision;
    public double recall;
    public double f1;
    public double strictF1;
    public final Map<String, Double> fieldAccuracy = new LinkedHashMap<>();
    public final List<JsonNode> missed = new ArrayList<>();
    public final List<JsonNode> spurious = new ArrayList<>();
    /** Predictions matched to optional gold records: they count neither way. */
    public final List<JsonNode> ignored = new ArrayList<>();
    /** Matched (gold, predicted) pairs of non-optional gold. */
    public final List<JsonNode[]> matched = new ArrayList<>();

    /** The figures as score.py --json prints them (values rounded to 3 decimals). */
    public ObjectNode figures() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("gold", gold);
      o.put("predicted", predicted);
      o.put("tp", tp);
      o.put("fp", fp);
      o.put("fn", fn);
      o.put("precision", round3(precision));
      o.put("recall", round3(recall));
      o.put("f1", round3(f1));
      o.put("strict_f1", round3(strictF1));
      ObjectNode fa = o.putObject("field_accuracy");
      fieldAccuracy.forEach((k, v) -> fa.put(k, round3(v)));
      return o;
    }
  }

  private Scorer() {}

  public static Result score(List<JsonNode> gold, List<JsonNode> pred) {
    List<double[]> pairs = new ArrayList<>(); // {score, counted, gi, pi}
    for (int gi = 0; gi < gold.size(); gi++) {
      for (int pi = 0; pi < pred.size(); pi++) {
        pairs.add(new double[] {pairScore(gold.get(gi), pred.get(pi)), optional(gold.get(gi)) ? 0 : 1, gi, pi});
      }
    }
    // Python sorts (score, counted, gi, pi) tuples in reverse: at equal scores a counted gold record goes before an
    // optional one, then the larger gold index, then the larger prediction
    pairs.sort((a, b) -> {
      for (int i = 0; i < 4; i++) {
        int c = Double.compare(b[i], a[i]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    Set<Integer> gUsed = new HashSet<>();
    Set<Integer> pUsed = new HashSet<>();
    List<int[]> matches = new ArrayList<>();
    for (double[] s : pairs) {
      if (s[0] <= 0) {
        break;
      }
      int gi = (int) s[2];
      int pi = (int) s[3];
      if (gUsed.contains(gi) || pUsed.contains(pi)) {
        continue;
      }
      gUsed.add(gi);
      pUsed.add(pi);
      matches.add(new int[] {gi, pi});
    }
    List<Integer> real = new ArrayList<>();
    for (int gi = 0; gi < gold.size(); gi++) {
      if (!optional(gold.get(gi))) {
        real.add(gi);
      }
    }
    List<int[]> tp = new ArrayList<>();
    Set<Integer> ignored = new HashSet<>();
    for (int[] m : matches) {
      if (optional(gold.get(m[0]))) {
        ignored.add(m[1]);
      } else {
        tp.add(m);
      }
    }
    Result r = new Result();
    for (int pi = 0; pi < pred.size(); pi++) {
      if (!pUsed.contains(pi) && !ignored.contains(pi)) {
        r.spurious.add(pred.get(pi));
      } else if (ignored.contains(pi)) {
        r.ignored.add(pred.get(pi));
      }
    }
    for (int gi : real) {
      if (!gUsed.contains(gi)) {
        r.missed.add(gold.get(gi));
      }
    }
    for (int[] m : tp) {
      r.matched.add(new JsonNode[] {gold.get(m[0]), pred.get(m[1])});
    }
    r.gold = real.size();
    r.predicted = pred.size();
    r.tp = tp.size();
    r.fp = r.spurious.size();
    r.fn = r.missed.size();
    r.precision = r.tp > 0 || r.fp > 0 ? (double) r.tp / (r.tp + r.fp) : 1.0;
    r.recall = real.isEmpty() ? 1.0 : (double) r.tp / real.size();
    r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0.0;
    Map<String, BiPredicate<JsonNode, JsonNode>> fields = fieldChecks();
    for (String f : FIELDS) {
      int ok = 0;
      for (JsonNode[] m : r.matched) {
        ok += fields.get(f).test(m[0], m[1]) ? 1 : 0;
      }
      r.fieldAccuracy.put(f, tp.isEmpty() ? 0.0 : (double) ok / tp.size());
    }
    int strict = 0;
    for (JsonNode[] m : r.matched) {
      if (fields.get("rank_class").test(m[0], m[1]) && fields.get("date").test(m[0], m[1])
          && fields.get("group_size").test(m[0], m[1])) {
        strict++;
      }
    }
    r.strictF1 = real.isEmpty() ? 0.0 : 2.0 * strict / (real.size() + pred.size() - ignored.size());
    return r;
  }

  /** Per field: is the prediction right for this gold record. */
  public static Map<String, BiPredicate<JsonNode, JsonNode>> fieldChecks() {
    Map<String, BiPredicate<JsonNode, JsonNode>> f = new LinkedHashMap<>();
    f.put("rank", (g, p) -> {
      String pr = norm(text(p, "rank"));
      for (JsonNode x : asList(g.get("rank"))) {
        if (java.util.Objects.equals(norm(x.isNull() ? null : x.asText()), pr)) {
          return true;
        }
      }
      return false;
    });
    f.put("rank_class", (g, p) -> contains(g.get("rank_class"), p.get("rank_class")));
    f.put("destination", (g, p) -> contains(g.get("destination"), p.get("destination_country")));
    f.put("date", (g, p) -> dateOk(asList(g.get("date")), predDate(p)));
    f.put("group_size", (g, p) -> equal(p.get("group_size"), g.get("group_size")));
    f.put("status", (g, p) -> contains(g.get("status"), p.get("status")));
    return f;
  }

  static double pairScore(JsonNode g, JsonNode p) {
    String origin = text(p, "origin_country");
    if (!(origin == null ? "" : origin.toUpperCase(Locale.ROOT)).equals(text(g, "origin"))) {
      return 0.0;
    }
    String person = text(g, "person");
    if (person != null && !person.isEmpty()) {
      List<String> predNames = new ArrayList<>();
      String pn = text(p, "person_name");
      if (pn != null && !pn.isEmpty()) {
        predNames.add(pn);
      }
      for (JsonNode a : iter(p.get("aliases"))) {
        if (!a.isNull() && !a.asText().isEmpty()) {
          predNames.add(a.asText());
        }
      }
      List<String> goldNames = new ArrayList<>();
      goldNames.add(person);
      for (JsonNode a : iter(g.get("aliases"))) {
        goldNames.add(a.asText());
      }
      double s = nameSim(goldNames, predNames);
      return s >= 0.5 ? 1.0 + s : 0.0;
    }
    String pn = text(p, "person_name");
    if (pn != null && !pn.isEmpty()) {
      return 0.0;
    }
    boolean rc = contains(g.get("rank_class"), p.get("rank_class"));
    boolean gs = equal(p.get("group_size"), g.get("group_size"));
    if (!(rc || gs)) {
      return 0.0;
    }
    boolean dest = contains(g.get("destination"), p.get("destination_country"));
    return 0.5 + 0.2 * (rc ? 1 : 0) + 0.2 * (gs ? 1 : 0) + 0.1 * (dest ? 1 : 0);
  }

  static List<String> tokens(String name) {
    if (name == null || name.isEmpty()) {
      return List.of();
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "")
        .toLowerCase(Locale.ROOT);
    for (char ch : SEPARATORS.toCharArray()) {
      s = s.replace(ch, ' ');
    }
    List<String> out = new ArrayList<>();
    for (String t : s.trim().split("\\s+")) {
      if (!t.isEmpty() && !PARTICLES.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  static double tokenSim(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    return Math.min(a.length(), b.length()) >= 4 ? ratio(a, b) : 0.0;
  }

  static double nameSim(List<String> a, List<String> b) {
    double best = 0.0;
    for (String x : a) {
      for (String y : b) {
        List<String> tx = tokens(x);
        List<String> ty = tokens(y);
        if (tx.isEmpty() || ty.isEmpty()) {
          continue;
        }
        int hits = 0;
        for (String t : tx) {
          double m = 0;
          for (String u : ty) {
            m = Math.max(m, tokenSim(t, u));
          }
          if (m >= 0.8) {
            hits++;
          }
        }
        best = Math.max(best, (double) hits / (tx.size() + ty.size() - hits));
      }
    }
    return best;
  }

  /**
   * Python's difflib.SequenceMatcher(None, a, b).ratio(): 2·M / (|a| + |b|), M the characters of the matching
   * blocks found by recursively taking the longest common block (earliest in a, then in b). Names are far shorter
   * than the 200 characters from which difflib drops "popular" characters, so no junk heuristic applies.
   */
  static double ratio(String a, String b) {
    if (a.length() + b.length() == 0) {
      return 1.0;
    }
    if (b.length() >= 200) {
      throw new IllegalArgumentException("names of 200 characters or more are not supported");
    }
    Map<Character, List<Integer>> b2j = new HashMap<>();
    for (int j = 0; j < b.length(); j++) {
      b2j.computeIfAbsent(b.charAt(j), k -> new ArrayList<>()).add(j);
    }
    int matched = 0;
    List<int[]> queue = new ArrayList<>();
    queue.add(new int[] {0, a.length(), 0, b.length()});
    while (!queue.isEmpty()) {
      int[] q = queue.remove(queue.size() - 1);
      int alo = q[0];
      int ahi = q[1];
      int blo = q[2];
      int bhi = q[3];
      int besti = alo;
      int bestj = blo;
      int bestsize = 0;
      Map<Integer, Integer> j2len = new HashMap<>();
      for (int i = alo; i < ahi; i++) {
        Map<Integer, Integer> next = new HashMap<>();
        for (int j : b2j.getOrDefault(a.charAt(i), List.of())) {
          if (j < blo) {
            continue;
          }
          if (j >= bhi) {
            break;
          }
          int k = j2len.getOrDefault(j - 1, 0) + 1;
          next.put(j, k);
          if (k > bestsize) {
            besti = i - k + 1;
            bestj = j - k + 1;
            bestsize = k;
          }
        }
        j2len = next;
      }
      if (bestsize > 0) {
        matched += bestsize;
        if (alo < besti && blo < bestj) {
          queue.add(new int[] {alo, besti, blo, bestj});
        }
        if (besti + bestsize < ahi && bestj + bestsize < bhi) {
          queue.add(new int[] {besti + bestsize, ahi, bestj + bestsize, bhi});
        }
      }
    }
    return 2.0 * matched / (a.length() + b.length());
  }

  /** The prediction's date as score.py reads it: "YYYY-MM" for DAY/MONTH precision, "YYYY" for YEAR, else null. */
  static String predDate(JsonNode p) {
    String prec = text(p, "date_precision");
    prec = prec == null || prec.isEmpty() ? "NONE" : prec.toUpperCase(Locale.ROOT);
    String month = text(p, "event_month");
    if ((prec.equals("DAY") || prec.equals("MONTH")) && month != null && !month.isEmpty()) {
      return month;
    }
    JsonNode year = p.get("event_year");
    if ((prec.equals("DAY") || prec.equals("MONTH") || prec.equals("YEAR")) && year != null && !year.isNull()
        && year.asLong() != 0) {
      return year.asText();
    }
    return null;
  }

  static boolean dateOk(List<JsonNode> goldDates, String d) {
    for (JsonNode gn : goldDates) {
      String g = gn.isNull() ? null : gn.asText();
      if (java.util.Objects.equals(g, d)) {
        return true;
      }
      if (g != null && !g.isEmpty() && d != null && !d.isEmpty() && g.length() == 4 && d.startsWith(g)) {
        return true;
      }
    }
    return false;
  }

  private static boolean optional(JsonNode g) {
    JsonNode o = g.get("optional");
    return o != null && o.asBoolean();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String norm(String s) {
    return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
  }

  private static List<JsonNode> asList(JsonNode v) {
    if (v != null && v.isArray()) {
      List<JsonNode> out = new ArrayList<>();
      v.forEach(out::add);
      return out;
    }
    return Arrays.asList(v == null ? JsonNodeFactory.instance.nullNode() : v);
  }

  private static Iterable<JsonNode> iter(JsonNode v) {
    return v == null || v.isNull() ? List.of() : v;
  }

  /** Python's {@code x in list}: equal values, None equal to None. */
  private static boolean contains(JsonNode list, JsonNode value) {
    for (JsonNode x : asList(list)) {
      if (equal(x, value)) {
        return true;
      }
    }
    return false;
  }

  /** Python's {@code ==} on JSON values: a missing value is None; 1 == 1.0. */
  private static boolean equal(JsonNode a, JsonNode b) {
    boolean an = a == null || a.isNull();
    boolean bn = b == null || b.isNull();
    if (an || bn) {
      return an && bn;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  static double round3(double v) {
    return new BigDecimal(v).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
  }
}

package org.defections.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scorer's parts against values computed with Python's difflib and score.py's rules, on invented records. */
class ScorerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> lines(String... json) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String j : json) {
      out.add(JSON.readTree(j.replace('\'', '"')));
    }
    return out;
  }

  @Test
  void ratioEqualsDifflib() {
    // values printed by difflib.SequenceMatcher(None, a, b).ratio() in Python 3.11
    assertEquals(0.7142857142857143, Scorer.ratio("hamada", "hammadeh"));
    assertEquals(0.8888888888888888, Scorer.ratio("tlas", "tlass"));
    assertEquals(0.9090909090909091, Scorer.ratio("hijab", "hidjab"));
    assertEquals(0.9411764705882353, Scorer.ratio("abdulaziz", "abulaziz"));
    assertEquals(0.75, Scorer.ratio("mohammed", "muhammad"));
    assertEquals(0.8571428571428571, Scorer.ratio("kravets", "kravetz"));
  }

  @Test
  void tokensDropParticlesAccentsAndPunctuation() {
    assertEquals(List.of("nawaf", "fares"), Scorer.tokens("Nawaf al-Fares"));
    assertEquals(List.of("jose", "perez"), Scorer.tokens("José Pérez"));
    assertEquals(List.of("o", "neil", "jr"), Scorer.tokens("O'Neil, Jr."));
    assertEquals(2.0 / 3, Scorer.nameSim(List.of("Idris Kamal Osman"), List.of("Idris Osman")), 1e-12);
  }

  @Test
  void greedyMatchingOptionalGoldAndFields() throws Exception {
    List<JsonNode> gold = lines(
        "{'id':'G1','origin':'XAA','person':'Anton Kravets','aliases':[],'rank':['Lieutenant Colonel'],"
            + "'rank_class':['SENIOR_OFFICER'],'destination':['XBB'],'group_size':1,'date':['2014-09'],"
            + "'status':['CONFIRMED']}",
        "{'id':'G2','origin':'XAA','rank':['Soldier'],'rank_class':['ENLISTED'],'destination':[null],"
            + "'group_size':3,'date':['2015'],'status':['CONFIRMED','REPORTED']}",
        "{'id':'G3','origin':'XCC','person':'Maybe Someone','rank':[null],'rank_class':['UNKNOWN'],"
            + "'destination':[null],'group_size':1,'date':[null],'status':['REPORTED'],'optional':true}");
    List<JsonNode> pred = lines(
        "{'person_name':'Anton Kravetz','aliases':[],'rank':'lieutenant colonel','rank_class':'SENIOR_OFFICER',"
            + "'origin_country':'XAA','destination_country':'XBB','group_size':1,'event_year':2014,"
            + "'event_month':'2014-09','date_precision':'DAY','status':'CONFIRMED'}",
        "{'rank':'Soldier','rank_class':'ENLISTED','origin_country':'XAA','group_size':2,'event_year':2015,"
            + "'event_month':'2015-03','date_precision':'MONTH','status':'REPORTED'}",
        "{'person_name':'Maybe Someone','rank_class':'UNKNOWN','origin_country':'XCC','date_precision':'NONE',"
            + "'status':'REPORTED'}",
        "{'person_name':'Nobody Known','rank_class':'CIVILIAN','origin_country':'XAA','date_precision':'NONE',"
            + "'status':'CONFIRMED'}");
    Scorer.Result r = Scorer.score(gold, pred);
    assertEquals(2, r.gold, "the optional record is not counted");
    assertEquals(2, r.tp);
    assertEquals(1, r.fp, "the prediction matched to optional gold counts neither way");
    assertEquals(0, r.fn);
    assertEquals("Nobody Known", r.spurious.get(0).get("person_name").asText());
    assertEquals(1.0, r.fieldAccuracy.get("rank"));
    assertEquals(0.5, r.fieldAccuracy.get("group_size"));
    assertEquals(1.0, r.fieldAccuracy.get("date"), "a year-only gold date accepts any month of that year");
    assertEquals(1.0, r.fieldAccuracy.get("destination"), "null destination matches gold [null]");
    assertEquals(0.667, Scorer.round3(r.precision));
    assertEquals(0.8, Scorer.round3(r.f1));
    assertEquals(0.4, Scorer.round3(r.strictF1));
  }

  @Test
  void wrongOriginNeverMatches() throws Exception {
    List<JsonNode> gold = lines("{'id':'G','origin':'XAA','person':'A B','rank':[null],'rank_class':['UNKNOWN'],"
        + "'destination':[null],'group_size':1,'date':[null],'status':['CONFIRMED']}");
    List<JsonNode> pred = lines("{'person_name':'A B','origin_country':'XBB','status':'CONFIRMED'}");
    Scorer.Result r = Scorer.score(gold, pred);
    assertEquals(0, r.tp);
    assertEquals(1, r.fn);
    assertEquals(1, r.fp);
  }

  @Test
  void reportFiguresAreWrittenAsPythonFormatsThem() {
    // values printed by Python: f"{0.955:.2f} {0.125:.2f} {0.375:.2f} {2/3:.3f} {1.0:.3f} {0.8185:.3f}"
    assertEquals("0.95 0.12 0.38 0.667 1.000 0.819", String.join(" ", Evaluation.fixed(0.955, 2),
        Evaluation.fixed(0.125, 2), Evaluation.fixed(0.375, 2), Evaluation.fixed(2.0 / 3, 3),
        Evaluation.fixed(1.0, 3), Evaluation.fixed(0.8185, 3)));
  }
}

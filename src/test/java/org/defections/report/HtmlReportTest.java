package org.defections.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's rendering rules, without Spark. */
class HtmlReportTest {
  private static List<ReportData.Row> months(String first, String last, Object... values) {
    List<ReportData.Row> out = new ArrayList<>(MonthChart.span(YearMonth.parse(first), YearMonth.parse(last))
        .values());
    for (int i = 0; i < values.length; i += 2) {
      for (ReportData.Row r : out) {
        if (r.label.equals(values[i])) {
          r.put("records", ((Number) values[i + 1]).longValue());
        }
      }
    }
    return out;
  }

  private static List<String> texts(String svg) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void monthlyAxisDrawsABarPerMonthWithRecordsAndLeavesEmptyMonthsAsGaps() {
    List<ReportData.Row> m = months("2020-11", "2021-04", "2020-11", 2, "2021-02", 1);
    assertEquals(6, m.size(), "every month from the first to the last");
    String svg = MonthChart.bars("c", "Records per month", m, "records", Svg.RECORDS, "records");
    assertEquals(2, svg.split("<rect", -1).length - 1, "one bar per month with records: " + svg);
    assertTrue(svg.contains("<title>2021-02: 1 record</title>"));
    assertTrue(texts(svg).containsAll(List.of("2020-11", "2021-01", "2021-03")), texts(svg).toString());
  }

  @Test
  void longSpansKeepMonthlyBarsButLabelTheAxisByYear() {
    List<ReportData.Row> m = months("1956-10", "2019-03", "1956-10", 1, "1991-08", 4, "2019-03", 2);
    String svg = MonthChart.bars("c", "Records per month", m, "records", Svg.RECORDS, "records");
    assertEquals(3, svg.split("<rect", -1).length - 1);
    List<String> labels = texts(svg);
    assertTrue(labels.contains("1960") && labels.contains("2000") && !labels.contains("1956-10"), labels.toString());
  }

  @Test
  void barLabelsAreWholeAndPeopleAreWrittenNotDrawn() {
    List<ReportData.Row> rows = List.of(new ReportData.Row("Syria (SYR)").put("records", 3).put("people", 99),
        new ReportData.Row("general officer").put("records", 1).put("people", 1));
    String svg = BarChart.horizontal("c", "Origins", rows, List.of("records"), List.of(Svg.RECORDS), "records",
        "people");
    List<String> labels = texts(svg);
    assertTrue(labels.contains("Syria (SYR)") && labels.contains("general officer"), labels.toString());
    assertTrue(labels.contains("3 records · 99 people") && labels.contains("1 record · 1 person"), labels.toString());
    // the bars are to the records' scale: the second is a third of the first
    Matcher w = Pattern.compile("<rect [^>]*width='([0-9.]+)'").matcher(svg);
    assertTrue(w.find());
    double first = Double.parseDouble(w.group(1));
    assertTrue(w.find());
    assertEquals(first / 3, Double.parseDouble(w.group(1)), 0.2);
  }

  @Test
  void axesEndAtARoundNumberCloseAboveTheMaximum() {
    assertEquals(1, Svg.niceCeiling(0));
    assertEquals(15, Svg.niceCeiling(11));
    assertEquals(20, Svg.niceCeiling(20));
    assertEquals(300, Svg.niceCeiling(201));
    assertEquals(1000, Svg.niceCeiling(801));
  }

  @Test
  void datesAreShownToTheirPrecisionAndLabelsAreWords() {
    assertEquals("2014-09-09", ReportLoader.date(java.sql.Date.valueOf("2014-09-09"), "2014-09", 2014, "DAY"));
    assertEquals("2014-09", ReportLoader.date(null, "2014-09", 2014, "MONTH"));
    assertEquals("2014", ReportLoader.date(null, null, 2014, "YEAR"));
    assertNull(ReportLoader.date(null, null, null, "NONE"));
    assertEquals("general officer", ReportLoader.words("GENERAL_OFFICER"));
    assertEquals("Arab League", ReportLoader.title("ARAB_LEAGUE"));
    assertEquals("Syria (SYR)", ReportLoader.country("SYR", "Syria"));
    assertEquals("XAA", ReportLoader.country("XAA", null));
    assertEquals("reuters.com", RecordsTable.outlet("https://www.reuters.com/world/a-1"));
    assertNull(RecordsTable.outlet("javascript:alert(1)"));
    assertNull(RecordsTable.outlet("not a url"));
  }

  @Test
  void valuesFromTheDataAreEscapedAndEveryChartIsDrawn() {
    ReportData d = new ReportData();
    d.runId = "r1";
    d.outputDir = "/tmp/out";
    d.totals.put("records", 1L);
    d.counts.put("read", 3L);
    d.counts.put("accepted", 2L);
    d.counts.put("rejected", 1L);
    d.byMonth.addAll(months("2020-01", "2020-03", "2020-01", 1));
    d.undatedRecords = 4;
    d.yearOnlyRecords = 1;
    d.byCountry.add(new ReportData.Row("Xanadu (XAA)").put("records", 1).put("people", 1));
    d.countryMonths.add(new ReportData.Row("Xanadu (XAA)").put("2020-01", 1));
    d.byDestination.add(new ReportData.Row("Yonder (YYY)").put("records", 1).put("people", 1));
    d.byRankClass.add(new ReportData.Row("civilian").put("CONFIRMED", 1).put("REPORTED", 0));
    d.rejectsByReason.add(new ReportData.Row("empty_text").put("rejected", 1));
    d.keptOutByReason.add(new ReportData.Row("denied").put("mentions", 1));
    d.gaps.add(new ReportData.Row("no date").put("records", 0));
    ReportData.Record r = new ReportData.Record();
    r.personName = "<script>alert(1)</script> O'Neil & Co";
    r.status = "CONFIRMED";
    r.evidence = "x".repeat(500);
    r.urls.add("https://news.example.org/a?b=1&c=2");
    r.urls.add("javascript:alert(2)");
    r.articleIds.add("a1");
    d.topRecords.add(r);

    String html = HtmlReport.render(d);
    assertFalse(html.contains("<script>alert"));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Neil &amp; Co"));
    assertTrue(html.contains("x".repeat(240) + "…") && !html.contains("x".repeat(241)), "evidence is shortened");
    assertTrue(html.contains("read 3 = accepted 2 + rejected 1"));
    assertTrue(html.contains("4 undated records not shown (1 of them with a year only)."));
    assertTrue(html.contains("<a href=\"https://news.example.org/a?b=1&amp;c=2\">news.example.org</a>"));
    assertFalse(html.contains("href=\"javascript"), "only http(s) URLs are linked");
    for (String id : HtmlReport.CHART_IDS) {
      assertTrue(html.contains("<svg id='" + id + "'"), id);
    }
  }

  @Test
  void anEmptyChartIsASentenceNotABox() {
    ReportData d = new ReportData();
    d.undatedRecords = 2;
    String html = HtmlReport.render(d);
    assertFalse(html.contains("<svg") || html.contains("<figure"), html);
    for (String s : List.of("No record has a month: 2 undated records not shown.", "No record has a known origin.",
        "No record has a known destination.", "No input record was rejected.",
        "No mention was kept out of the records.")) {
      assertTrue(html.contains(s), s);
    }
  }
}

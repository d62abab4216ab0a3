package org.defections.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The report's rendering and timeline rules, without Spark. */
class HtmlReportTest {
  @Test
  void timelineHasNoGapsAndSwitchesToYearsWhenLong() {
    List<ReportData.Row> months = List.of(new ReportData.Row("2020-11").put("records", 2).put("people", 3),
        new ReportData.Row("2021-02").put("records", 1).put("people", 1));
    List<ReportData.Row> out = new ArrayList<>();
    assertEquals("month", ReportLoader.timeline(months, out));
    assertEquals(List.of("2020-11", "2020-12", "2021-01", "2021-02"),
        out.stream().map(r -> r.label).collect(Collectors.toList()));
    assertEquals(0L, out.get(1).values.get("records"));
    assertEquals(1L, out.get(3).values.get("people"));

    List<ReportData.Row> long_ = List.of(new ReportData.Row("1990-03").put("records", 1).put("people", 1),
        new ReportData.Row("1990-09").put("records", 2).put("people", 2),
        new ReportData.Row("1994-01").put("records", 1).put("people", 4));
    out.clear();
    assertEquals("year", ReportLoader.timeline(long_, out));
    assertEquals(List.of("1990", "1991", "1992", "1993", "1994"),
        out.stream().map(r -> r.label).collect(Collectors.toList()));
    assertEquals(3L, out.get(0).values.get("records"));
    assertEquals(4L, out.get(4).values.get("people"));
  }

  @Test
  void datesAreShownToTheirPrecision() {
    assertEquals("2014-09-09", ReportLoader.display("2014-09-09", "DAY"));
    assertEquals("2014-09", ReportLoader.display("2014-09-01", "MONTH"));
    assertEquals("2014", ReportLoader.display("2014-01-01", "YEAR"));
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
    d.byMonth.add(new ReportData.Row("2020-01").put("records", 1).put("people", 1));
    d.byCountry.add(new ReportData.Row("XAA").put("records", 1).put("people", 1));
    d.byRankClass.add(new ReportData.Row("CIVILIAN").put("CONFIRMED", 1).put("REPORTED", 0));
    d.rejectsByReason.add(new ReportData.Row("empty_text").put("rejected", 1));
    d.keptOutByReason.add(new ReportData.Row("denied").put("mentions", 1));
    d.gaps.add(new ReportData.Row("no date").put("records", 0));
    ReportData.Record r = new ReportData.Record();
    r.personName = "<script>alert(1)</script> O'Neil & Co";
    r.status = "CONFIRMED";
    r.evidence = "x".repeat(500);
    d.topRecords.add(r);

    String html = HtmlReport.render(d);
    assertFalse(html.contains("<script>alert"));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Neil &amp; Co"));
    assertTrue(html.contains("x".repeat(240) + "…") && !html.contains("x".repeat(241)), "evidence is shortened");
    assertTrue(html.contains("read 3 = accepted 2 + rejected 1"));
    for (String id : HtmlReport.CHART_IDS) {
      assertTrue(html.contains("<svg id='" + id + "'"), id);
    }
  }

  @Test
  void anEmptyChartSaysSoInsteadOfDrawingNothing() {
    ReportData d = new ReportData();
    String html = HtmlReport.render(d);
    assertFalse(html.contains("<svg"));
    assertEquals(5, html.split("nothing to chart", -1).length - 1);
  }
}

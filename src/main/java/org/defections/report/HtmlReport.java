package org.defections.report;

import java.util.List;
import java.util.Map;

/**
 * Renders {@link ReportData} as one self-contained HTML page: inline CSS, charts as inline SVG, no script and no
 * external resource. Every value taken from the data is HTML-escaped.
 */
public final class HtmlReport {
  /** Ids of the chart {@code <svg>} elements, in page order (a chart with no data is left out, with a sentence). */
  public static final List<String> CHART_IDS = List.of("chart-records-by-month", "chart-people-by-month",
      "chart-by-country", "chart-country-months", "chart-by-destination", "chart-by-rank-class", "chart-rejects",
      "chart-kept-out");
  private static final int EVIDENCE_CHARS = 240;
  private static final String CSS = "body{font-family:sans-serif;margin:2em auto;padding:0 1.5em;max-width:1240px;"
      + "color:#222}"
      + "h1{font-size:1.6em}h2{margin-top:1.8em;border-bottom:1px solid #ccc}"
      + "table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;padding:.25em .5em;"
      + "vertical-align:top;text-align:left;overflow-wrap:normal;word-break:normal;hyphens:none}"
      + "th{background:#f3f3f3}td.n{text-align:right}.totals td{font-size:1.3em}figure{margin:1em 0}"
      + "figcaption{color:#555;font-size:.9em}.ev{font-size:.85em;color:#444;min-width:16em}"
      + "td.src{font-size:.85em}td.src a{white-space:nowrap}.w{white-space:nowrap}.meta{color:#555}"
      + ".note{color:#555;font-style:italic}";

  private HtmlReport() {}

  /** Writes the report to {@code target}, a local path or a URI of any Hadoop file system (replacing it). */
  public static void write(String target, String html, org.apache.hadoop.conf.Configuration conf)
      throws java.io.IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(target);
    try (java.io.OutputStream out = org.defections.ingest.InputFiles.fileSystem(p, conf).create(p, true)) {
      out.write(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  public static String render(ReportData d) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Defections report: ")
        .append(esc(d.runId)).append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
    h.append("<h1>Defections report</h1>\n<p class=\"meta\">Tables of run <code>").append(esc(d.runId))
        .append("</code> (finished ").append(esc(d.finishedAt)).append(") in <code>").append(esc(d.outputDir))
        .append("</code>, input <code>").append(esc(d.input)).append("</code>.</p>\n");

    h.append("<h2 id=\"overview\">Overview</h2>\n");
    figures(h, d.totals, " class=\"totals\"");
    h.append("<p class=\"meta\">A record is one defection event resolved across articles; people "
        + "is the sum of known group sizes (records of unknown size are counted apart).</p>\n");

    h.append("<h2 id=\"time\">Over time</h2>\n");
    String undated = Svg.count(d.undatedRecords, "undated records") + " not shown"
        + (d.yearOnlyRecords > 0
        ? " (" + d.yearOnlyRecords + " of them with a year only)" : "") + ".";
    if (d.byMonth.isEmpty()) {
      h.append("<p class=\"note\">No record has a month: ").append(undated).append("</p>\n");
    } else {
      figure(h, MonthChart.bars(CHART_IDS.get(0), "Records per month", d.byMonth, "records", Svg.RECORDS,
          "records"), undated);
      figure(h, MonthChart.bars(CHART_IDS.get(1), "People per month (known group sizes)", d.byMonth, "people",
          Svg.PEOPLE, "people"), undated);
    }

    h.append("<h2 id=\"countries\">Where from, where to</h2>\n");
    chart(h, d.byCountry, () -> BarChart.horizontal(CHART_IDS.get(2), "Origin countries (top " + d.byCountry.size()
        + "), records", d.byCountry, List.of("records"), List.of(Svg.RECORDS), "records", "people"),
        d.noOrigin == 0 ? "Every record has a known origin." : Svg.count(d.noOrigin, "records")
            + " with no known origin not shown.", "No record has a known origin.");
    if (!d.countryMonths.isEmpty() && !d.byMonth.isEmpty()) {
      figure(h, MonthChart.multiples(CHART_IDS.get(3), "Top origin countries by month", d.byMonth,
          d.countryMonths), "Each strip has its own scale. " + undated);
    }
    chart(h, d.byDestination, () -> BarChart.horizontal(CHART_IDS.get(4), "Destinations (top "
        + d.byDestination.size() + "), records", d.byDestination, List.of("records"), List.of(Svg.RECORDS),
        "records", "people"), d.noDestination == 0 ? "Every record has a known destination."
            : Svg.count(d.noDestination, "records") + " with no known destination not shown.",
        "No record has a known destination.");
    chart(h, d.byRankClass, () -> BarChart.horizontal(CHART_IDS.get(5), "Records by rank class", d.byRankClass,
        List.of("CONFIRMED", "REPORTED"), List.of(Svg.RECORDS, Svg.REPORTED), "records", null),
        "Confirmed: stated as fact by the reporting outlet; reported: attributed to a source.",
        "No records.");

    RecordsTable.changes(h, d);
    RecordsTable.top(h, d);

    h.append("<h2 id=\"quality\">Data quality</h2>\n");
    figures(h, d.counts, "");
    Long read = d.counts.get("read");
    Long accepted = d.counts.get("accepted");
    Long rejected = d.counts.get("rejected");
    if (read != null && accepted != null && rejected != null) {
      h.append("<p>Every input record is accounted for: read ").append(read).append(read == accepted + rejected
          ? " = " : " &ne; ").append("accepted ").append(accepted).append(" + rejected ").append(rejected)
          .append(".</p>\n");
    }
    chart(h, d.rejectsByReason, () -> BarChart.horizontal(CHART_IDS.get(6), "Rejected input records by reason",
        d.rejectsByReason, List.of("rejected"), List.of(Svg.PEOPLE), "records", null),
        "The rejects table holds each one with its source, position and raw text.",
        "No input record was rejected.");
    h.append("<h3>Records with gaps</h3>\n");
    table(h, d.gaps, "gap");
    h.append("<h3>Mentions by factuality</h3>\n<p class=\"meta\">Only asserted and reported mentions make "
        + "records; the others (planned, hypothetical, unclear, denied ...) are counted here.</p>\n");
    table(h, d.mentionsByFactuality, "factuality");
    chart(h, d.keptOutByReason, () -> BarChart.horizontal(CHART_IDS.get(7), "Asserted or reported mentions kept "
        + "out of the records, by reason", d.keptOutByReason, List.of("mentions"), List.of(Svg.AXIS), "mentions", null),
        "The mentions table holds each one with its reason.", "No mention was kept out of the records.");
    h.append("</body></html>\n");
    return h.toString();
  }

  private interface Drawing {
    String draw();
  }

  /** A chart with its caption, or, when there is nothing to draw, only the sentence {@code none} (no empty box). */
  private static void chart(StringBuilder h, List<ReportData.Row> rows, Drawing svg, String caption, String none) {
    if (rows.isEmpty()) {
      h.append("<p class=\"note\">").append(esc(none)).append("</p>\n");
      return;
    }
    figure(h, svg.draw(), caption);
  }

  private static void figure(StringBuilder h, String svg, String caption) {
    h.append("<figure class=\"chart\">").append(svg).append("<figcaption>").append(esc(caption))
        .append("</figcaption></figure>\n");
  }

  /** Named counts as a two-row table: names (underscores as spaces) over values. */
  static void figures(StringBuilder h, Map<String, Long> values, String tableAttributes) {
    h.append("<table").append(tableAttributes).append("><tr>");
    for (String k : values.keySet()) {
      h.append("<th>").append(esc(k.replace('_', ' '))).append("</th>");
    }
    h.append("</tr><tr>");
    for (long v : values.values()) {
      h.append("<td class=\"n\">").append(v).append("</td>");
    }
    h.append("</tr></table>\n");
  }

  /** Rows as a small table: label, then each value. */
  static void table(StringBuilder h, List<ReportData.Row> rows, String labelHeader) {
    if (rows.isEmpty()) {
      h.append("<p class=\"note\">None.</p>");
      return;
    }
    h.append("<table><tr><th>").append(esc(labelHeader)).append("</th>");
    for (String s : rows.get(0).values.keySet()) {
      h.append("<th>").append(esc(s)).append("</th>");
    }
    h.append("</tr>");
    for (ReportData.Row r : rows) {
      h.append("<tr><td>").append(esc(r.label)).append("</td>");
      for (Map.Entry<String, Long> v : r.values.entrySet()) {
        h.append("<td class=\"n\">").append(v.getValue()).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</table>");
  }

  static String shorten(String s) {
    return s == null || s.length() <= EVIDENCE_CHARS ? s : s.substring(0, EVIDENCE_CHARS) + "…";
  }

  /** A table cell's text, escaped; "–" for null. Words with a hyphen (dates, "Guinea-Bissau") never break at it. */
  static String orDash(String s) {
    return s == null ? "&ndash;" : HYPHENATED.matcher(esc(s)).replaceAll("<span class=\"w\">$1</span>");
  }

  private static final java.util.regex.Pattern HYPHENATED = java.util.regex.Pattern.compile("(\\S*-\\S*)");

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<': b.append("&lt;"); break;
        case '>': b.append("&gt;"); break;
        case '&': b.append("&amp;"); break;
        case '"': b.append("&quot;"); break;
        case '\'': b.append("&#39;"); break;
        default: b.append(c);
      }
    }
    return b.toString();
  }
}

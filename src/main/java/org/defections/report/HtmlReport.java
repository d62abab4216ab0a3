package org.defections.report;

import java.util.List;
import java.util.Map;

/**
 * Renders {@link ReportData} as one self-contained HTML page: inline CSS, charts as inline SVG, no script and no
 * external resource. Every value taken from the data is HTML-escaped.
 */
public final class HtmlReport {
  /** Ids of the chart {@code <svg>} elements, in page order. */
  public static final List<String> CHART_IDS = List.of("chart-by-month", "chart-by-country", "chart-by-rank-class",
      "chart-rejects", "chart-kept-out");
  private static final int EVIDENCE_CHARS = 240;

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
        .append(esc(d.runId)).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:2em auto;max-width:1100px;color:#222}")
        .append("h1{font-size:1.6em}h2{margin-top:1.8em;border-bottom:1px solid #ccc}")
        .append("table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;padding:.25em .5em;")
        .append("vertical-align:top;text-align:left}th{background:#f3f3f3}td.n{text-align:right}")
        .append(".totals td{font-size:1.3em}figure{margin:1em 0}.ev{font-size:.85em;color:#444;min-width:22em}td.ids{font-size:.85em;word-break:break-all;max-width:10em}")
        .append(".meta{color:#555}.empty{color:#999;font-style:italic}\n</style></head><body>\n");
    h.append("<h1>Defections report</h1>\n<p class=\"meta\">Tables of run <code>").append(esc(d.runId))
        .append("</code> (finished ").append(esc(d.finishedAt)).append(") in <code>").append(esc(d.outputDir))
        .append("</code>, input <code>").append(esc(d.input)).append("</code>.</p>\n");

    h.append("<h2 id=\"overview\">Overview</h2>\n");
    figures(h, d.totals, " class=\"totals\"");
    h.append("<p class=\"meta\">A record is one defection event resolved across articles; people "
        + "is the sum of known group sizes (records of unknown size are counted apart).</p>\n");
    chart(h, d.byMonth, () -> Charts.line(CHART_IDS.get(0), "Defections and defectors by " + d.timeUnit, d.timeUnit,
        "count", d.byMonth));
    chart(h, d.byCountry, () -> Charts.bars(CHART_IDS.get(1), "By origin country (top " + d.byCountry.size() + ")",
        "origin country", "count", d.byCountry, false));
    chart(h, d.byRankClass, () -> Charts.bars(CHART_IDS.get(2), "Records by rank class, confirmed vs reported",
        "rank class", "records", d.byRankClass, true));

    h.append("<h2 id=\"records\">Top records</h2>\n<p class=\"meta\">The ").append(d.topRecords.size())
        .append(" records reported by most mentions.</p>\n<table><tr><th>name</th><th>rank</th><th>rank class</th>"
            + "<th>from</th><th>to</th><th>date</th><th>status</th><th>people</th><th>mentions</th>"
            + "<th>articles</th><th>evidence</th></tr>\n");
    for (ReportData.Record r : d.topRecords) {
      h.append("<tr><td>").append(orDash(r.personName)).append("</td><td>").append(orDash(r.rank))
          .append("</td><td>").append(orDash(r.rankClass)).append("</td><td>").append(orDash(r.origin))
          .append("</td><td>").append(orDash(r.destination)).append("</td><td>").append(orDash(r.date))
          .append("</td><td>").append(esc(r.status)).append("</td><td class=\"n\">")
          .append(r.groupSize == null ? "?" : r.groupSize.toString()).append("</td><td class=\"n\">")
          .append(r.mentions).append("</td><td class=\"ids\">").append(esc(String.join(" ", r.articleIds)))
          .append("</td><td class=\"ev\">").append(orDash(shorten(r.evidence))).append("</td></tr>\n");
    }
    h.append("</table>\n");

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
    chart(h, d.rejectsByReason, () -> Charts.bars(CHART_IDS.get(3), "Rejected input records by reason", "reason",
        "records", d.rejectsByReason, false));
    h.append("<h3>Records with gaps</h3>\n");
    table(h, d.gaps, "gap");
    chart(h, d.keptOutByReason, () -> Charts.bars(CHART_IDS.get(4), "Mentions kept out of the records, by reason",
        "reason", "mentions", d.keptOutByReason, false));
    h.append("</body></html>\n");
    return h.toString();
  }

  private interface Svg {
    String draw();
  }

  private static void chart(StringBuilder h, List<ReportData.Row> rows, Svg svg) {
    if (rows.isEmpty()) {
      h.append("<p class=\"empty\">(nothing to chart)</p>\n");
      return;
    }
    h.append("<figure class=\"chart\">").append(svg.draw()).append("<figcaption>");
    table(h, rows, "");
    h.append("</figcaption></figure>\n");
  }

  /** Named counts as a two-row table: names (underscores as spaces) over values. */
  private static void figures(StringBuilder h, Map<String, Long> values, String tableAttributes) {
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

  /** The chart's figures as a small table too (readable without the picture, and copyable). */
  private static void table(StringBuilder h, List<ReportData.Row> rows, String labelHeader) {
    if (rows.isEmpty()) {
      h.append("<p class=\"empty\">(none)</p>");
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

  private static String shorten(String s) {
    return s == null || s.length() <= EVIDENCE_CHARS ? s : s.substring(0, EVIDENCE_CHARS) + "…";
  }

  private static String orDash(String s) {
    return s == null ? "&ndash;" : esc(s);
  }

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

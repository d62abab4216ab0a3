package org.defections.report;

import static org.defections.report.HtmlReport.esc;
import static org.defections.report.HtmlReport.orDash;

import java.net.URI;
import java.util.List;

/** The report's tables of records: the top records, and what changed against the previous version. */
final class RecordsTable {
  private static final List<String> HEADERS = List.of("name", "rank (class)", "from", "to", "posting", "date",
      "status", "people", "mentions", "sources", "evidence");

  private RecordsTable() {}

  static void top(StringBuilder h, ReportData d) {
    h.append("<h2 id=\"records\">Top records</h2>\n<p class=\"meta\">The ").append(d.topRecords.size())
        .append(" records reported by most mentions. Dates are as precise as the articles give them (day, month "
            + "or year); sources link to the articles that have a URL.</p>\n");
    header(h, null);
    for (ReportData.Record r : d.topRecords) {
      row(h, r);
    }
    h.append("</table>\n");
  }

  /** Counts of added, changed and removed records, and the changed and removed ones with their fields. */
  static void changes(StringBuilder h, ReportData d) {
    if (d.changes.isEmpty() && d.changeRows.isEmpty()) {
      return;
    }
    h.append("<h2 id=\"changes\">What changed</h2>\n<p class=\"meta\">Against the previous version of the "
        + "warehouse (the output of a single run has none, so all its records are added); the "
        + "<code>defections_changes</code> table lists every one.</p>\n");
    h.append("<table><tr>");
    for (String k : List.of("added", "changed", "removed")) {
      h.append("<th>").append(k).append("</th>");
    }
    h.append("</tr><tr>");
    for (String k : List.of("added", "changed", "removed")) {
      h.append("<td class=\"n\">").append(d.changes.getOrDefault(k, 0L)).append("</td>");
    }
    h.append("</tr></table>\n");
    if (!d.changeRows.isEmpty()) {
      header(h, "change");
      for (ReportData.Record r : d.changeRows) {
        h.append("<tr><td>").append(esc(r.change));
        if (!r.changedFields.isEmpty()) {
          h.append(": ").append(esc(String.join(", ", r.changedFields)));
        }
        h.append("</td>");
        cells(h, r);
      }
      h.append("</table>\n");
    }
  }

  private static void header(StringBuilder h, String first) {
    h.append("<table><tr>");
    if (first != null) {
      h.append("<th>").append(first).append("</th>");
    }
    for (String c : HEADERS) {
      h.append("<th>").append(c).append("</th>");
    }
    h.append("</tr>\n");
  }

  private static void row(StringBuilder h, ReportData.Record r) {
    h.append("<tr>");
    cells(h, r);
  }

  private static void cells(StringBuilder h, ReportData.Record r) {
    h.append("<td>").append(orDash(r.personName)).append("</td><td>").append(orDash(r.rank))
        .append(r.rankClass == null ? "" : " (" + orDash(r.rankClass) + ")").append("</td><td>")
        .append(orDash(r.origin))
        .append("</td><td>").append(orDash(r.destination)).append("</td><td>").append(orDash(r.posting))
        .append("</td><td>").append(orDash(r.date)).append("</td><td>").append(esc(r.status))
        .append("</td><td class=\"n\">").append(r.groupSize == null ? "?" : r.groupSize.toString())
        .append("</td><td class=\"n\">").append(r.mentions).append("</td><td class=\"src\">");
    sources(h, r);
    h.append("</td><td class=\"ev\">").append(orDash(HtmlReport.shorten(r.evidence))).append("</td></tr>\n");
  }

  /** A link per URL, named by its outlet (host); then how many articles report the record. */
  private static void sources(StringBuilder h, ReportData.Record r) {
    for (String url : r.urls) {
      String host = outlet(url);
      if (host == null) {
        h.append(esc(url));
      } else {
        h.append("<a href=\"").append(esc(url)).append("\">").append(esc(host)).append("</a>");
      }
      h.append("<br>");
    }
    int n = r.articleIds.size();
    h.append(n).append(n == 1 ? " article" : " articles");
  }

  /** The host of an http(s) URL without "www.", or null when the URL is not one (then it is not linked). */
  static String outlet(String url) {
    try {
      URI u = new URI(url.trim());
      String scheme = u.getScheme();
      if (u.getHost() == null || scheme == null || !(scheme.equalsIgnoreCase("http")
          || scheme.equalsIgnoreCase("https"))) {
        return null;
      }
      return u.getHost().startsWith("www.") ? u.getHost().substring(4) : u.getHost();
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}

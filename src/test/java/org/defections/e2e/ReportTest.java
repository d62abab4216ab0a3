package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.defections.SparkTestSession;
import org.defections.report.HtmlReport;
import org.defections.report.ReportData;
import org.defections.report.ReportLoader;
import org.junit.jupiter.api.Test;

/**
 * The static HTML report of the sample corpus's output: its figures agree with the tables (read independently with
 * DuckDB via dump-table.sh), and Chromium, headless, lays out every chart as a non-empty SVG whose labels name the
 * data it draws.
 */
class ReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

  /** Appended to a copy of the report: measures each chart as laid out and writes the result into the DOM. */
  private static final String PROBE = "<script>\n"
      + "const out = {};\n"
      + "for (const id of %s) {\n"
      + "  const el = document.getElementById(id);\n"
      + "  if (!el) { out[id] = null; continue; }\n"
      + "  const box = el.getBoundingClientRect();\n"
      + "  let shapes = 0;\n"
      + "  for (const s of el.querySelectorAll('path,rect,line,polyline,polygon,circle,ellipse')) {\n"
      + "    const b = s.getBBox(); if (b.width > 0 || b.height > 0) shapes++;\n"
      + "  }\n"
      + "  const texts = Array.from(el.querySelectorAll('text')).map(t => t.textContent.trim()).filter(t => t);\n"
      + "  out[id] = {width: box.width, height: box.height, shapes: shapes, texts: texts};\n"
      + "}\n"
      + "const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);\n"
      + "document.body.appendChild(pre);\n"
      + "</script>\n";

  @Test
  void reportFiguresMatchTheTablesAndChromiumDrawsEveryChart() throws Exception {
    Path output = JobRunner.sampleOutput();
    ReportData data = new ReportLoader(SparkTestSession.get()).load(output.toString(), 25, 20);

    List<JsonNode> records = new ArrayList<>();
    for (String l : JobRunner.dump(output.resolve("defections"))) {
      if (!l.isBlank()) {
        records.add(JSON.readTree(l));
      }
    }
    long people = records.stream().filter(r -> !r.get("group_size").isNull())
        .mapToLong(r -> r.get("group_size").asLong()).sum();
    long confirmed = records.stream().filter(r -> r.get("status").asText().equals("CONFIRMED")).count();
    assertEquals(records.size(), data.totals.get("records"));
    assertEquals(people, data.totals.get("people_known"));
    assertEquals(confirmed, data.totals.get("confirmed_records"));
    assertEquals(records.size() - confirmed, data.totals.get("reported_records"));
    assertEquals(Math.min(25, records.size()), data.topRecords.size());
    long dated = records.stream().filter(r -> !r.get("event_month").isNull()).count();
    assertEquals(dated, data.byMonth.stream().mapToLong(r -> r.values.get("records")).sum());
    assertEquals(records.size(), data.byRankClass.stream()
        .mapToLong(r -> r.values.get("CONFIRMED") + r.values.get("REPORTED")).sum());
    assertEquals(JobRunner.sampleManifest().at("/counts/rejected").asLong(),
        data.rejectsByReason.stream().mapToLong(r -> r.values.get("rejected")).sum());

    String html = HtmlReport.render(data);
    assertFalse(html.contains("<script"), "the report runs no script");
    assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "the report loads nothing from outside");

    assertTrue(Files.isExecutable(CHROMIUM), "this test renders the report in Chromium: install the Debian package "
        + "'chromium' (bin/test does) so that " + CHROMIUM + " exists");
    Path page = Files.createTempDirectory("report").resolve("report.html");
    String ids = JSON.writeValueAsString(HtmlReport.CHART_IDS);
    Files.writeString(page, html.replace("</body>", String.format(PROBE, ids) + "</body>"), StandardCharsets.UTF_8);
    JsonNode probe = render(page);

    for (String id : HtmlReport.CHART_IDS) {
      JsonNode c = probe.get(id);
      assertTrue(c != null && !c.isNull(), id + " is on the page");
      assertTrue(c.get("width").asDouble() >= 400 && c.get("height").asDouble() >= 200, id + " is laid out: " + c);
      assertTrue(c.get("shapes").asInt() >= 10, id + " draws shapes: " + c);
    }
    // The charts name what they draw: every origin country, rank class, reject reason and month is a label.
    assertLabels(probe.get("chart-by-country"), data.byCountry);
    assertLabels(probe.get("chart-by-rank-class"), data.byRankClass);
    assertLabels(probe.get("chart-rejects"), data.rejectsByReason);
    assertLabels(probe.get("chart-kept-out"), data.keptOutByReason);
    assertLabels(probe.get("chart-by-month"), data.byMonth);
  }

  private static void assertLabels(JsonNode chart, List<ReportData.Row> rows) {
    String texts = chart.get("texts").toString();
    assertFalse(rows.isEmpty());
    for (ReportData.Row r : rows) {
      // long labels are wrapped on two lines by the chart: compare without line breaks
      assertTrue(texts.replace("\",\"", "").contains(r.label), r.label + " is drawn in " + texts);
    }
  }

  /** Loads the page in headless Chromium and returns what the probe script wrote. */
  private static JsonNode render(Path page) throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    Path dom = Files.createTempFile("dom", ".html");
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,2000", "--virtual-time-budget=5000",
        "--dump-dom", page.toUri().toString())
        .redirectOutput(dom.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s");
    }
    String out = Files.readString(dom, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL).matcher(out);
    assertTrue(m.find(), "the probe ran in chromium (exit " + p.exitValue() + "); DOM starts: "
        + out.substring(0, Math.min(300, out.length())));
    return JSON.readTree(m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&"));
  }
}

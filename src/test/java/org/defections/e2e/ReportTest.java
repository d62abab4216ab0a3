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

  /**
   * Appended to a copy of the report: measures the page as laid out and writes the result into the DOM. Per chart:
   * its size, the shapes it draws, its texts, and texts cut off at its edges. For the page: every word that is laid
   * out on more than one line (broken inside), every figure without a drawn chart, the links of the records table,
   * and the figure captions.
   */
  private static final String PROBE = "<script>\n"
      + "const out = {charts: {}, broken: [], emptyFigures: 0, links: [], captions: []};\n"
      + "for (const id of %s) {\n"
      + "  const el = document.getElementById(id);\n"
      + "  if (!el) { out.charts[id] = null; continue; }\n"
      + "  const box = el.getBoundingClientRect();\n"
      + "  let shapes = 0, bars = 0, clipped = [];\n"
      + "  for (const s of el.querySelectorAll('rect,line')) {\n"
      + "    const b = s.getBBox(); if (b.width > 0 || b.height > 0) shapes++;\n"
      + "    if (s.tagName === 'rect' && s.querySelector('title')) bars++;\n"
      + "  }\n"
      + "  for (const t of el.querySelectorAll('text')) {\n"
      + "    const b = t.getBBox(); if (b.x < -0.5 || b.x + b.width > el.viewBox.baseVal.width + 0.5) clipped.push(t.textContent);\n"
      + "  }\n"
      + "  const texts = Array.from(el.querySelectorAll('text')).map(t => t.textContent.trim()).filter(t => t);\n"
      + "  out.charts[id] = {width: box.width, height: box.height, shapes: shapes, bars: bars, texts: texts,\n"
      + "    clipped: clipped};\n"
      + "}\n"
      + "const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);\n"
      + "for (let n = walker.nextNode(); n; n = walker.nextNode()) {\n"
      + "  if (n.parentElement.closest('script,title,pre')) continue;\n"
      + "  const re = /\\S+/g; let m;\n"
      + "  while ((m = re.exec(n.data)) !== null) {\n"
      + "    const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);\n"
      + "    const tops = new Set(Array.from(r.getClientRects()).filter(c => c.width > 0).map(c => Math.round(c.top)));\n"
      + "    if (tops.size > 1) out.broken.push(m[0]);\n"
      + "  }\n"
      + "}\n"
      + "for (const f of document.querySelectorAll('figure')) {\n"
      + "  const svg = f.querySelector('svg');\n"
      + "  if (!svg || svg.querySelectorAll('rect').length === 0) out.emptyFigures++;\n"
      + "  out.captions.push(f.querySelector('figcaption').textContent);\n"
      + "}\n"
      + "for (const a of document.querySelectorAll('#records ~ table a[href]')) out.links.push(a.getAttribute('href'));\n"
      + "const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);\n"
      + "document.body.appendChild(pre);\n"
      + "</script>\n";

  @Test
  void reportFiguresMatchTheTablesAndChromiumLaysOutEveryChartReadably() throws Exception {
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
    long undated = records.stream().filter(r -> r.get("event_month").isNull()).count();
    assertEquals(undated, data.undatedRecords);
    assertEquals(records.size() - undated, data.byMonth.stream().mapToLong(r -> r.values.get("records")).sum());
    assertEquals(records.size(), data.byRankClass.stream()
        .mapToLong(r -> r.values.get("CONFIRMED") + r.values.get("REPORTED")).sum());
    assertEquals(JobRunner.sampleManifest().at("/counts/rejected").asLong(),
        data.rejectsByReason.stream().mapToLong(r -> r.values.get("rejected")).sum());
    assertTrue(undated > 0 && !data.byDestination.isEmpty() && !data.rejectsByReason.isEmpty(),
        "the sample exercises undated records, destinations and rejects");

    String html = HtmlReport.render(data);
    assertFalse(html.contains("<script"), "the report runs no script");
    assertFalse(html.matches("(?s).*src=\"https?:.*"), "the report loads nothing from outside");

    JsonNode probe = render(html);
    JsonNode charts = probe.get("charts");
    for (String id : HtmlReport.CHART_IDS) {
      JsonNode c = charts.get(id);
      assertTrue(c != null && !c.isNull(), id + " is on the page");
      assertTrue(c.get("width").asDouble() >= 400 && c.get("height").asDouble() >= 60, id + " is laid out: " + c);
      assertTrue(c.get("bars").asInt() >= 1, id + " draws bars: " + c);
      assertEquals(0, c.get("clipped").size(), id + ": texts cut off at the edge: " + c.get("clipped"));
    }
    assertEquals(0, probe.get("emptyFigures").asInt(), "every figure draws a chart");
    assertEquals(0, probe.get("broken").size(), "words broken across lines: " + probe.get("broken"));

    // the monthly axis: a bar per month that has records, and the undated records named under it
    long monthsWithRecords = records.stream().filter(r -> !r.get("event_month").isNull())
        .map(r -> r.get("event_month").asText()).distinct().count();
    assertEquals(monthsWithRecords, charts.get("chart-records-by-month").get("bars").asLong());
    assertTrue(probe.get("captions").get(0).asText().startsWith(undated + " undated record"),
        probe.get("captions").toString());
    String monthTicks = charts.get("chart-records-by-month").get("texts").toString();
    assertTrue(monthTicks.matches(".*\"(\\d{4}|\\d{4}-\\d{2})\".*"), "months or years on the axis: " + monthTicks);

    // country names beside codes, on the origin and the destination charts
    assertLabels(charts.get("chart-by-country"), records, "origin_country", "origin_country_name");
    assertLabels(charts.get("chart-by-destination"), records, "destination_country", "destination_country_name");
    assertTrue(charts.get("chart-by-rank-class").get("texts").toString().contains("\"junior officer\""));

    // links: one per URL of the listed records, each a URL of those records
    List<String> expected = new ArrayList<>();
    data.topRecords.forEach(r -> expected.addAll(r.urls));
    assertFalse(expected.isEmpty());
    List<String> links = new ArrayList<>();
    probe.get("links").forEach(l -> links.add(l.asText()));
    assertEquals(expected, links);
  }

  /** Every country of the records' column that the chart shows is drawn as "Name (CODE)". */
  private static void assertLabels(JsonNode chart, List<JsonNode> records, String code, String name) {
    String texts = chart.get("texts").toString();
    int named = 0;
    for (JsonNode r : records) {
      if (!r.get(code).isNull() && !r.get(name).isNull()) {
        String label = r.get(name).asText() + " (" + r.get(code).asText() + ")";
        assertTrue(texts.contains("\"" + label + "\""), label + " is drawn in " + texts);
        named++;
      }
    }
    assertTrue(named > 0, code);
  }

  /** Loads the report with the probe in headless Chromium and returns what the probe wrote. */
  private static JsonNode render(String html) throws Exception {
    assertTrue(Files.isExecutable(CHROMIUM), "this test renders the report in Chromium: install the Debian package "
        + "'chromium' (bin/test does) so that " + CHROMIUM + " exists");
    Path page = Files.createTempDirectory("report").resolve("report.html");
    String ids = JSON.writeValueAsString(HtmlReport.CHART_IDS);
    Files.writeString(page, html.replace("</body>", String.format(PROBE, ids) + "</body>"), StandardCharsets.UTF_8);
    Path dom = Files.createTempFile("dom", ".html");
    Process p = chromium("--window-size=1280,2000", "--virtual-time-budget=5000", "--dump-dom",
        page.toUri().toString(), dom);
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

  /** Starts headless Chromium with a new profile and no background networking; the last argument may be the file
   * that receives its standard output. */
  private static Process chromium(Object... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory("chromium-profile")));
    Path stdout = null;
    for (Object a : args) {
      if (a instanceof Path) {
        stdout = (Path) a;
      } else {
        cmd.add(a.toString());
      }
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
    return pb.start();
  }
}

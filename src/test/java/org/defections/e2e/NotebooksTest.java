package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.zeppelin.display.Input;
import org.apache.zeppelin.display.ui.OptionInput;
import org.apache.zeppelin.display.ui.Select;
import org.apache.zeppelin.interpreter.util.SqlSplitter;
import org.defections.SparkTestSession;
import org.junit.jupiter.api.Test;

/**
 * Runs the Zeppelin notes of {@code notebooks/} the way Zeppelin would, over the job's real output on the sample
 * corpus: note files are named {@code <name>_<id>.zpln} with the id inside; dynamic forms (note forms {@code $${..}}
 * and paragraph forms {@code ${..}}) are extracted and substituted with Zeppelin's own {@link Input}, for every option
 * of every select form; statements are split with Zeppelin's {@link SqlSplitter}; every {@code %spark.sql} statement
 * runs in Spark SQL; and each chart's keys, groups and values must name the columns (at their index) of the result
 * they draw. A note that would fail in Zeppelin fails here.
 */
class NotebooksTest {
  private static final Path NOTEBOOKS = JobRunner.PROJECT.resolve("notebooks");
  private static final String OUTPUT_FORM = "output";
  /** Views created by each note: each note's own prefix, so notes sharing an interpreter never repoint another's. */
  private static final Map<String, String> VIEW_PREFIX = Map.of("Overview", "ov_", "Drill-down", "dd_",
      "Data quality", "dq_");
  private static final Pattern VIEW = Pattern.compile("(?i)CREATE OR REPLACE TEMPORARY VIEW (\\S+)");
  /**
   * Values tried for text forms besides their defaults, as an analyst would type them: an origin that is in no
   * list (found in the output), in lower case and by its name; a country with no records; other date ranges.
   */
  private final Map<String, List<String>> typed = new LinkedHashMap<>();

  @Test
  void everyNoteRunsOverTheJobsOutput() throws Exception {
    Path output = JobRunner.sampleOutput();
    List<Path> notes;
    try (Stream<Path> s = Files.list(NOTEBOOKS)) {
      notes = s.filter(p -> p.toString().endsWith(".zpln")).sorted().collect(Collectors.toList());
    }
    assertEquals(List.of("Data quality_2DEFQUALT.zpln", "Drill-down_2DEFDRILL.zpln", "Overview_2DEFOVERV.zpln"),
        notes.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
    // an origin of the output other than the country form's default, typed in lower case and by its name
    Row other = SparkTestSession.get().read().parquet(output.resolve("defections").toString())
        .filter("origin_country IS NOT NULL AND origin_country <> 'SYR' AND origin_country_name IS NOT NULL")
        .select("origin_country", "origin_country_name").orderBy("origin_country").first();
    typed.put("country", List.of(other.getString(0).toLowerCase(java.util.Locale.ROOT), other.getString(1), "XQZ"));
    typed.put("from", List.of("2014-01", "2030-01"));
    typed.put("to", List.of("2016-12", "1950-01"));
    typed.put("limit", List.of("3"));
    Map<String, String> views = new LinkedHashMap<>();
    for (Path note : notes) {
      runNote(note, output, views);
    }
    setupErrorsSayWhatToSet(notes.get(0), output);
  }

  /** The setup paragraph at the output form's empty default, a relative path and a missing one: a clear error. */
  private void setupErrorsSayWhatToSet(Path file, Path output) throws IOException {
    JsonObject note = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    String setup = body(text(note.getAsJsonArray("paragraphs").get(1)));
    SparkSession spark = SparkTestSession.get().newSession();
    Path missing = output.resolveSibling("no-such-output");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("", "Set the note form output (top of this note) to the absolute path of a job output");
    expected.put("out/sample", "The note form output must be an absolute path or a URI, not out/sample");
    expected.put(missing.toString(), missing.toString());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put(OUTPUT_FORM, e.getKey());
      String script = Input.getSimpleQuery(params, setup, true);
      try {
        for (String sql : new SqlSplitter().splitSql(script)) {
          spark.sql(sql).collectAsList();
        }
        fail("setup with output '" + e.getKey() + "' should fail");
      } catch (Exception ex) {
        assertTrue(String.valueOf(ex.getMessage()).contains(e.getValue()), "output '" + e.getKey() + "': "
            + ex.getMessage());
      }
    }
  }

  private void runNote(Path file, Path output, Map<String, String> views) throws IOException {
    JsonObject note = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    String id = note.get("id").getAsString();
    String name = note.get("name").getAsString();
    assertTrue(id.matches("[A-Z0-9]{9}"), file + ": note id " + id);
    assertEquals(name + "_" + id + ".zpln", file.getFileName().toString(), "file name is <name>_<noteId>.zpln");

    JsonArray paragraphs = note.getAsJsonArray("paragraphs");
    assertTrue(text(paragraphs.get(0)).startsWith("%md"), file + ": the first paragraph introduces the note");

    // Note forms are shared by all paragraphs: each must be defined the same way wherever it is written.
    Map<String, Input> noteForms = new LinkedHashMap<>();
    for (JsonElement p : paragraphs) {
      for (Input in : Input.extractSimpleQueryForm(body(text(p)), true).values()) {
        Input seen = noteForms.putIfAbsent(in.getName(), in);
        assertTrue(seen == null || seen.equals(in), file + ": note form '" + in.getName() + "' defined twice "
            + "differently");
      }
    }
    assertTrue(noteForms.containsKey(OUTPUT_FORM), file + ": the output location is a note form");
    assertEquals("", noteForms.get(OUTPUT_FORM).getDefaultValue(), "empty until set: no guessed relative path");
    Matcher v = VIEW.matcher(text(paragraphs.get(1)));
    int created = 0;
    for (; v.find(); created++) {
      assertTrue(v.group(1).startsWith(VIEW_PREFIX.get(name)), file + ": view " + v.group(1));
      String before = views.put(v.group(1), name);
      assertTrue(before == null, v.group(1) + " is created by " + before + " and " + name);
    }
    assertTrue(created >= 2, file + ": the setup paragraph creates the note's views");

    SparkSession spark = SparkTestSession.get().newSession();
    int charts = 0;
    int forms = noteForms.size();
    for (JsonElement p : paragraphs) {
      String text = text(p);
      String where = file.getFileName() + " / " + p.getAsJsonObject().get("title").getAsString();
      if (text.startsWith("%md")) {
        assertFalse(body(text).isBlank(), where);
        continue;
      }
      assertTrue(text.startsWith("%spark.sql"), where + ": only %md and %spark.sql paragraphs are expected");
      Map<String, Input> paragraphForms = Input.extractSimpleQueryForm(body(text), false);
      forms += paragraphForms.size();

      // Every option of every select form (note or paragraph), one at a time, the others at their defaults;
      // the first combination is all defaults.
      List<Map<String, Object>[]> combos = combinations(noteForms, paragraphForms, output);
      List<Map<String, List<String>>> graphs = graphColumns(p);
      for (Map<String, Object>[] combo : combos) {
        String script = Input.getSimpleQuery(combo[0], body(text), true);
        script = Input.getSimpleQuery(combo[1], script, false);
        assertFalse(script.contains("${"), where + ": unsubstituted form in " + script);
        List<String> statements = new SqlSplitter().splitSql(script);
        assertFalse(statements.isEmpty(), where);
        List<Dataset<Row>> results = new ArrayList<>();
        for (String sql : statements) {
          Dataset<Row> df;
          try {
            df = spark.sql(sql);
            df.collectAsList();
          } catch (RuntimeException e) {
            throw new AssertionError(where + " with " + combo[0] + " " + combo[1] + " fails:\n" + sql, e);
          }
          results.add(df);
        }
        for (int r = 0; r < graphs.size(); r++) {
          Map<String, List<String>> g = graphs.get(r);
          if (g == null) {
            continue;
          }
          List<String> columns = List.of(results.get(r).columns());
          for (Map.Entry<String, List<String>> role : g.entrySet()) {
            if (role.getKey().equals("mode")) {
              continue;
            }
            for (String ref : role.getValue()) {
              String[] nameIndex = ref.split("@");
              int index = Integer.parseInt(nameIndex[1]);
              assertTrue(index < columns.size() && columns.get(index).equals(nameIndex[0]),
                  where + ": chart " + role.getKey() + " '" + nameIndex[0] + "' at " + index + " is not a column of "
                      + columns);
              if (role.getKey().equals("keys") && nameIndex[0].contains("month")) {
                assertEquals(org.apache.spark.sql.types.DataTypes.DateType,
                    results.get(r).schema().fields()[index].dataType(), where + ": a month axis is a DATE");
              }
            }
          }
        }
        if (combo == combos.get(0)) {
          // At the defaults over the sample output, every result shows something.
          assertTrue(results.get(results.size() - 1).count() > 0, where + ": empty at the default forms");
        }
      }
      charts += (int) graphs.stream().filter(g -> g != null && !g.get("mode").get(0).equals("table@0")).count();
    }
    assertTrue(charts >= 1, file + ": at least one chart paragraph");
    assertTrue(forms >= 2, file + ": at least one form besides the output location");
  }

  /** Form values to try: index 0 = note params, 1 = paragraph params. The first combination is the defaults. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>[]> combinations(Map<String, Input> noteForms,
      Map<String, Input> paragraphForms, Path output) {
    Map<String, Object> noteDefaults = defaults(noteForms);
    noteDefaults.put(OUTPUT_FORM, output.toString());
    Map<String, Object> paragraphDefaults = defaults(paragraphForms);
    List<Map<String, Object>[]> combos = new ArrayList<>();
    combos.add(new Map[] {noteDefaults, paragraphDefaults});
    for (int level = 0; level < 2; level++) {
      Map<String, Input> forms = level == 0 ? noteForms : paragraphForms;
      for (Input in : forms.values()) {
        List<Object> values = new ArrayList<>();
        if (in instanceof Select) {
          for (OptionInput.ParamOption o : ((Select) in).getOptions()) {
            values.add(o.getValue());
          }
        } else if (!in.getName().equals(OUTPUT_FORM)) {
          List<String> t = typed.get(in.getName());
          assertTrue(t != null, "no values to try for the text form " + in.getName());
          values.addAll(t);
        }
        for (Object value : values) {
          Map<String, Object> n = new LinkedHashMap<>(noteDefaults);
          Map<String, Object> q = new LinkedHashMap<>(paragraphDefaults);
          (level == 0 ? n : q).put(in.getName(), value);
          combos.add(new Map[] {n, q});
        }
      }
    }
    return combos;
  }

  private static Map<String, Object> defaults(Map<String, Input> forms) {
    Map<String, Object> m = new LinkedHashMap<>();
    forms.forEach((k, v) -> m.put(k, v.getDefaultValue()));
    return m;
  }

  /**
   * Per result index, the chart's column references ("mode" → its mode; "keys"/"groups"/"values" → name@index),
   * or null for a result with no graph setting.
   */
  private static List<Map<String, List<String>>> graphColumns(JsonElement paragraph) {
    JsonObject results = paragraph.getAsJsonObject().getAsJsonObject("config").getAsJsonObject("results");
    List<Map<String, List<String>>> out = new ArrayList<>();
    for (int i = 0; results != null && results.has(String.valueOf(i)); i++) {
      JsonObject graph = results.getAsJsonObject(String.valueOf(i)).getAsJsonObject("graph");
      if (graph == null) {
        out.add(null);
        continue;
      }
      Map<String, List<String>> g = new LinkedHashMap<>();
      g.put("mode", List.of(graph.get("mode").getAsString() + "@0"));
      for (String role : List.of("keys", "groups", "values")) {
        List<String> refs = new ArrayList<>();
        for (JsonElement c : graph.getAsJsonArray(role)) {
          JsonObject col = c.getAsJsonObject();
          refs.add(col.get("name").getAsString() + "@" + (int) col.get("index").getAsDouble());
        }
        g.put(role, refs);
      }
      if (!g.get("mode").get(0).equals("table@0") && g.get("values").isEmpty()) {
        fail("chart without values: " + graph);
      }
      out.add(g);
    }
    return out;
  }

  private static String text(JsonElement paragraph) {
    return paragraph.getAsJsonObject().get("text").getAsString();
  }

  /** The paragraph's script without its interpreter line, as Zeppelin hands it to the interpreter. */
  private static String body(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? "" : text.substring(nl + 1);
  }
}

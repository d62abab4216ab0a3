package org.defections.extract.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.defections.extract.pattern.PatternException;
import org.defections.extract.pattern.PatternParser;
import org.defections.extract.pattern.TokenPattern;
import org.defections.extract.text.Document;
import org.defections.extract.text.DocumentPrimitives;
import org.defections.extract.text.WordClasses;
import org.defections.lexicon.Lexicons;

/**
 * Reads the rule files of a language. A file holds, each starting at the first column:
 *
 * <pre>
 * # a comment
 * class AUX = has have had was were        (a word class; words may go on over indented lines)
 * param ORIGIN_WINDOW = 8                  (a named number the engine reads)
 * $NP = $DET? [rank]                       (a macro; indented lines continue it)
 * rule en.subject.phrase                   (a rule; its properties indented by two spaces)
 *   stage: defector
 *   pattern: (?&lt;np&gt; $NP) $AUX* (?&lt;trigger&gt; [trigger=VERB])
 *   action: phrase(np)
 *   example: Two Eritrean pilots defected to Saudi Arabia on Monday.
 *     published: 2020-03-04
 *     expect: rank=Pilot, size=2, origin=ERI, destination=SAU, date=2020-03-02
 * </pre>
 *
 * An example's sentence, and each of its lines, may go on over deeper-indented lines. {@code expect:} gives the
 * fields of one record the example must give ({@code expect: nothing}: none); {@code kept:} the fields of a mention
 * kept out of the records; {@code mention:} the fields of any mention (a diplomat's post, the rule that made it). A rule needs a stage, a pattern, an action and at least one example. Every error names
 * the file and line.
 */
public final class RuleReader {
  private static final Pattern CLASS = Pattern.compile("class\\s+([A-Z][A-Z0-9_]*)\\s*=(.*)");
  private static final Pattern PARAM = Pattern.compile("param\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*(\\d+)\\s*");
  private static final Pattern MACRO = Pattern.compile("\\$([A-Z][A-Z0-9_]*)\\s*=(.*)");
  private static final Pattern RULE = Pattern.compile("rule\\s+([a-z][a-z0-9_.-]*)\\s*");
  private static final Pattern PROPERTY = Pattern.compile("([a-z]+):\\s*(.*)");
  private static final Pattern ACTION = Pattern.compile("([a-z_]+)\\s*\\(([^)]*)\\)\\s*");
  private static final Pattern FIELD = Pattern.compile("\\s*([a-z_]+)\\s*=\\s*(.*?)\\s*");

  private RuleReader() {}

  /**
   * Reads a language's rule files, in the order given (file name → text).
   *
   * @throws PatternException naming the file and line of the first error
   */
  public static RuleSet read(String language, Map<String, String> files) {
    PatternParser<Document> parser = new PatternParser<>(DocumentPrimitives.INSTANCE);
    WordClasses classes = new WordClasses();
    Map<String, Integer> params = new HashMap<>();
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      for (Statement st : statements(f.getKey(), f.getValue())) {
        String head = st.lines.get(0);
        List<String> more = new ArrayList<>();
        for (String l : st.lines.subList(1, st.lines.size())) {
          more.add(l.substring(0, l.lastIndexOf('\u0000')));
        }
        Matcher m;
        if ((m = CLASS.matcher(head)).matches()) {
          Set<String> words = new HashSet<>();
          for (String w : (m.group(2) + " " + String.join(" ", more)).trim().split("\\s+")) {
            if (!w.isEmpty()) {
              words.add(Lexicons.key(w.replace('_', ' ')));
            }
          }
          classes.add(m.group(1), words);
        } else if ((m = PARAM.matcher(head)).matches() && st.lines.size() == 1) {
          params.put(m.group(1), Integer.parseInt(m.group(2)));
        } else if ((m = MACRO.matcher(head)).matches()) {
          parser.define(m.group(1), joined(m.group(2), more), st.where());
        } else if ((m = RULE.matcher(head)).matches()) {
          Rule r = rule(m.group(1), st, parser);
          if (!ids.add(r.id())) {
            throw new PatternException(st.where() + ": rule " + r.id() + " is defined twice");
          }
          rules.add(r);
        } else {
          throw new PatternException(st.where() + ": expected 'class', 'param', '$MACRO =' or 'rule', got: " + head);
        }
      }
    }
    return new RuleSet(language, classes, params, rules, parser);
  }

  private static String joined(String first, List<String> more) {
    StringBuilder sb = new StringBuilder(first.trim());
    for (String l : more) {
      sb.append(' ').append(l.trim());
    }
    return sb.toString().trim();
  }

  /** A top-level statement: its first line and the indented lines that belong to it (indentation kept). */
  private record Statement(String file, int line, List<String> lines) {
    String where() {
      return file + " line " + line;
    }
  }

  private static List<Statement> statements(String file, String text) {
    List<Statement> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    Statement cur = null;
    for (int n = 0; n < lines.length; n++) {
      String l = lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n];
      if (l.isBlank() || l.trim().startsWith("#")) {
        continue;
      }
      if (!Character.isWhitespace(l.charAt(0))) {
        cur = new Statement(file, n + 1, new ArrayList<>());
        cur.lines.add(l.trim());
        out.add(cur);
      } else if (cur == null) {
        throw new PatternException(file + " line " + (n + 1) + ": an indented line before any statement");
      } else {
        cur.lines.add(l.replace("\t", "    ").stripTrailing() + "\u0000" + (n + 1));
      }
    }
    return out;
  }

  private static int indent(String l) {
    int i = 0;
    while (i < l.length() && l.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static Rule rule(String id, Statement st, PatternParser<Document> parser) {
    Map<String, String> props = new LinkedHashMap<>();
    Map<String, Integer> propLine = new HashMap<>();
    List<List<String[]>> examples = new ArrayList<>(); // per example: [key, value, line]
    String current = null;
    int baseIndent = -1;
    for (String raw : st.lines.subList(1, st.lines.size())) {
      int cut = raw.lastIndexOf('\u0000');
      String l = raw.substring(0, cut);
      String line = raw.substring(cut + 1);
      String where = st.file + " line " + line;
      int ind = indent(l);
      String t = l.trim();
      if (baseIndent < 0) {
        baseIndent = ind;
      }
      Matcher pm = PROPERTY.matcher(t);
      if (ind == baseIndent) {
        if (!pm.matches()) {
          throw new PatternException(where + ": expected 'key: value' in rule " + id + ", got: " + t);
        }
        current = pm.group(1);
        if (current.equals("example")) {
          List<String[]> ex = new ArrayList<>();
          ex.add(new String[] {"text", pm.group(2).trim(), line});
          examples.add(ex);
        } else if (List.of("stage", "pattern", "action", "cues").contains(current)) {
          if (props.containsKey(current)) {
            throw new PatternException(where + ": rule " + id + " gives '" + current + "' twice");
          }
          props.put(current, pm.group(2).trim());
          propLine.put(current, Integer.parseInt(line));
        } else {
          throw new PatternException(where + ": unknown property '" + current + "' in rule " + id
              + "; properties: stage, pattern, action, cues, example");
        }
      } else if (ind > baseIndent && current != null) {
        if (current.equals("example")) {
          List<String[]> ex = examples.get(examples.size() - 1);
          if (pm.matches() && List.of("published", "expect", "kept", "mention").contains(pm.group(1))) {
            ex.add(new String[] {pm.group(1), pm.group(2).trim(), line});
          } else {
            String[] last = ex.get(ex.size() - 1); // the sentence or an 'expect:' goes on
            last[1] = last[1] + " " + t;
          }
        } else {
          props.put(current, props.get(current) + " " + t);
        }
      } else {
        throw new PatternException(where + ": bad indentation in rule " + id);
      }
    }
    String where = st.where();
    for (String required : List.of("stage", "pattern", "action")) {
      if (!props.containsKey(required)) {
        throw new PatternException(where + ": rule " + id + " has no '" + required + ":'");
      }
    }
    if (examples.isEmpty()) {
      throw new PatternException(where + ": rule " + id + " has no example");
    }
    Stage stage = Stage.parse(props.get("stage"), where);
    TokenPattern<Document> pattern = parser.parse(props.get("pattern"), st.file + " line " + propLine.get("pattern")
        + ", rule " + id);
    Action action = action(props.get("action"), st.file + " line " + propLine.get("action"));
    Actions.check(action, stage, pattern.groups(), st.file + " line " + propLine.get("action") + ", rule " + id);
    if (stage != Stage.SURNAME && stage != Stage.ENUMERATION && stage != Stage.PHRASE && stage != Stage.TRIGGER
        && stage != Stage.POSTING && !pattern.groups().contains("trigger")) {
      throw new PatternException(where + ": a rule of the " + stage.name().toLowerCase()
          + " stage is anchored on its trigger: its pattern needs a group (?<trigger> ...)");
    }
    List<Example> exs = new ArrayList<>();
    for (List<String[]> ex : examples) {
      exs.add(example(id, ex, st.file));
    }
    List<String> cues = new ArrayList<>();
    if (props.containsKey("cues")) {
      for (String c : props.get("cues").split("\\|")) {
        if (!c.isBlank()) {
          cues.add(c.trim().replaceAll("\\s+", " "));
        }
      }
    }
    if (stage == Stage.TRIGGER && cues.isEmpty()) {
      throw new PatternException(where + ": trigger rule " + id + " names no cues (cues: a phrase | another): one of"
          + " them must be in a passage for candidate selection to keep it");
    }
    if (stage != Stage.TRIGGER && !cues.isEmpty()) {
      throw new PatternException(where + ": only trigger rules have cues, not rule " + id + " of the "
          + stage.name().toLowerCase() + " stage");
    }
    return new Rule(id, stage, pattern, action, exs, where, cues);
  }

  private static Action action(String text, String where) {
    Matcher m = ACTION.matcher(text);
    if (!m.matches()) {
      throw new PatternException(where + ": an action is name(arg, ...), got: " + text);
    }
    List<String> args = new ArrayList<>();
    for (String a : m.group(2).split(",")) {
      if (!a.isBlank()) {
        args.add(a.trim());
      }
    }
    return new Action(m.group(1), args);
  }

  private static Example example(String id, List<String[]> lines, String file) {
    String text = null;
    LocalDate published = null;
    List<Map<String, String>> expected = new ArrayList<>();
    List<Map<String, String>> kept = new ArrayList<>();
    List<Map<String, String>> mentions = new ArrayList<>();
    boolean nothing = false;
    String where = file + " line " + lines.get(0)[2];
    for (String[] l : lines) {
      String w = file + " line " + l[2];
      switch (l[0]) {
        case "text":
          text = l[1];
          break;
        case "published":
          try {
            published = LocalDate.parse(l[1]);
          } catch (DateTimeParseException e) {
            throw new PatternException(w + ": published: is a date yyyy-mm-dd, got: " + l[1]);
          }
          break;
        case "expect":
          if (l[1].equals("nothing")) {
            nothing = true;
          } else {
            expected.add(fields(l[1], w));
          }
          break;
        case "kept":
          kept.add(fields(l[1], w));
          break;
        default:
          mentions.add(fields(l[1], w));
      }
    }
    if (text == null || text.isBlank()) {
      throw new PatternException(where + ": an example of rule " + id + " has no sentence");
    }
    if (nothing == !expected.isEmpty() || (!nothing && expected.isEmpty())) {
      if (nothing && !expected.isEmpty()) {
        throw new PatternException(where + ": an example of rule " + id + " expects nothing and something");
      }
      if (!nothing && expected.isEmpty()) {
        throw new PatternException(where + ": an example of rule " + id + " needs 'expect:' lines, or "
            + "'expect: nothing'");
      }
    }
    return new Example(id, text, published, expected, kept, mentions, where);
  }

  /** The fields an example expects of a mention. */
  public static final List<String> FIELDS = List.of("person", "rank", "class", "nato", "origin", "destination",
      "posting", "size", "date", "status", "factuality", "kept", "org", "rule");

  private static Map<String, String> fields(String text, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      Matcher m = FIELD.matcher(part);
      if (!m.matches()) {
        throw new PatternException(where + ": expected field=value, got: " + part.trim());
      }
      if (!FIELDS.contains(m.group(1))) {
        throw new PatternException(where + ": unknown field '" + m.group(1) + "'; fields: " + FIELDS);
      }
      out.put(m.group(1), m.group(2));
    }
    return out;
  }
}

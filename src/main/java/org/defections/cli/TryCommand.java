package org.defections.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.defections.annotate.TextAnnotator;
import org.defections.extract.AnnotatedDocument;
import org.defections.extract.Extractor;
import org.defections.extract.Mention;
import org.defections.extract.passes.Passes;
import org.defections.lexicon.Lexicons;
import org.defections.resolve.DefectionRecord;
import org.defections.resolve.MentionResolver;

/**
 * {@code defections try}: the extraction of one text, for people who write rules. The text is annotated by the
 * job's Spark NLP pipeline of its language in this JVM (no Spark job), extracted, and its mentions resolved; prints
 * the mentions (with the rule that found each), the records, the rules that acted and, with {@code --annotations},
 * the annotation chunks the rules saw.
 */
final class TryCommand {
  static final String USAGE = String.join("\n",
      "usage: defections try [--language en|es] [--published YYYY-MM-DD] [--annotations] [--lexicons DIR] TEXT...",
      "  try                      extracts one text (TEXT, or - for standard input) and shows how: mentions with",
      "                           their rules, records, the rules that acted; no Spark job",
      "  --language L             the text's language (default en)",
      "  --published D            the publication date that relative dates resolve against",
      "  --annotations            also print the sentences and the rank, place, trigger and date chunks",
      "  --lexicons DIR           lexicon and rule files that replace the bundled ones (as lexicons.dir)");

  private TryCommand() {}

  static int run(String[] args, PrintStream out) throws IOException {
    String language = "en";
    LocalDate published = null;
    boolean annotations = false;
    String lexiconsDir = "";
    List<String> words = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        case "--language" -> language = Main.value(args, ++i, a);
        case "--published" -> {
          String v = Main.value(args, ++i, a);
          try {
            published = LocalDate.parse(v);
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--published takes a date YYYY-MM-DD, not " + v);
          }
        }
        case "--annotations" -> annotations = true;
        case "--lexicons" -> lexiconsDir = Main.value(args, ++i, a);
        default -> {
          if (a.startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
          }
          words.add(a);
        }
      }
    }
    String text = words.equals(List.of("-")) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
        : String.join(" ", words);
    if (text.isBlank()) {
      throw new IllegalArgumentException("try needs a text\n" + USAGE);
    }
    Lexicons lexicons = Lexicons.load(lexiconsDir);
    Extractor extractor = Extractor.forLanguage(lexicons, language);
    TextAnnotator annotator = new TextAnnotator(lexicons);
    AnnotatedDocument doc = annotator.annotate("text", text, language, published);
    if (annotations) {
      printAnnotations(doc, out);
    }
    Passes.Result result = extractor.trace(doc);
    out.println("mentions:");
    for (Mention m : result.mentions()) {
      out.println("  " + describe(m));
    }
    out.println("records:");
    Map<String, List<Mention>> byOrigin = new TreeMap<>();
    result.mentions().stream().filter(m -> m.countable() && m.getOriginCountry() != null)
        .forEach(m -> byOrigin.computeIfAbsent(m.getOriginCountry(), k -> new ArrayList<>()).add(m));
    for (List<Mention> ms : byOrigin.values()) {
      for (DefectionRecord r : MentionResolver.resolve(ms)) {
        out.println("  " + r.getPersonName() + " | " + r.getRank() + " (" + r.getRankClass() + ") | "
            + r.getOriginCountry() + " -> " + r.getDestinationCountry() + " | size " + r.getGroupSize() + " | "
            + (r.getEventMonth() != null ? r.getEventMonth() : r.getEventYear()) + " " + r.getDatePrecision() + " | "
            + r.getStatus());
      }
    }
    out.println("rules that acted: " + String.join(", ", result.fired()));
    return 0;
  }

  private static String describe(Mention m) {
    return "\"" + m.getTrigger() + "\" " + (m.getPersonName() == null ? "" : m.getPersonName() + " | ")
        + m.getRank() + " (" + m.getRankClass() + ") | " + m.getOriginCountry() + " (" + m.getOriginCue() + ") -> "
        + m.getDestinationCountry() + (m.getPosting() == null ? "" : " | post " + m.getPosting()) + " | size "
        + m.getGroupSize() + " | " + (m.getEventMonth() != null ? m.getEventMonth() : m.getEventYear()) + " "
        + m.getDatePrecision() + " | " + m.getFactuality() + (m.getFactualityCue() == null ? "" : " (" + m
        .getFactualityCue() + ")") + (m.getKeptOutReason() == null ? "" : " | kept out: " + m.getKeptOutReason())
        + " | rule " + m.getRuleId();
  }

  private static void printAnnotations(AnnotatedDocument d, PrintStream out) {
    out.println("sentences:");
    d.sentences().forEach(s -> out.println("  " + s.sentence() + ": " + s.text()));
    out.println("tokens: " + String.join(" | ", d.tokens().stream().map(AnnotatedDocument.Span::text).toList()));
    print("ranks", d.ranks(), out);
    print("places", d.places(), out);
    print("triggers", d.triggers(), out);
    print("dates", d.dates(), out);
  }

  private static void print(String what, List<AnnotatedDocument.Span> spans, PrintStream out) {
    out.println(what + ": " + String.join(" | ", spans.stream().map(s -> s.text() + (s.value() == null ? "" : "="
        + s.value())).toList()));
  }
}

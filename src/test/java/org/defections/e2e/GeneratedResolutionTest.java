package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Resolution end to end on a generated corpus of articles with known truth: 333 unnamed defections, each reported
 * once, in three wordings, on distinct days or to distinct destinations (one rank of one state, many in one month),
 * must stay 333 records; one event reported three times in different words (same day and destination, or no
 * destination) is one record; spellings of one officer's name across articles (particles with and without a hyphen,
 * transliterations of the first name) are one record. Every text is written here.
 */
class GeneratedResolutionTest {
  private static final String[] RANKS = {"colonel", "major", "captain", "lieutenant", "general"};
  private static final String[][] DESTINATIONS = {{"Turkey", "Turkish"}, {"Jordan", "Jordanian"},
      {"Lebanon", "Lebanese"}};
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

  private static String unnamed(int i, String rank, String[] dest, String day) {
    return switch (i % 3) {
      case 0 -> "A Syrian army " + rank + " defected to " + dest[0] + " on " + day + ", the " + dest[1]
          + " foreign ministry said.";
      case 1 -> "A " + rank + " of the Syrian army crossed into " + dest[0] + " and defected on " + day
          + ", activists said.";
      default -> dest[1] + " officials said a Syrian " + rank + " had defected to " + dest[0] + " on " + day + ".";
    };
  }

  @Test
  void unnamedEventsStayApartAndReportsOfOneEventMerge() throws Exception {
    Path dir = Files.createTempDirectory("generated-resolution");
    List<String> lines = new ArrayList<>();
    LocalDate start = LocalDate.of(2012, 3, 1);
    Map<String, String> truth = new TreeMap<>(); // article id -> event
    for (int i = 0; i < 333; i++) {
      // three events a day, each to another destination; 111 days, so about 30 events of each rank a month
      LocalDate day = start.plusDays(i / 3);
      String id = "u" + i;
      lines.add(BadInputGenerator.line(id, day.plusDays(1).toString(), unnamed(i, RANKS[i % RANKS.length],
          DESTINATIONS[i % 3], day.format(DAY))));
      truth.put(id, "event-" + i);
    }
    String[] oneEvent = {"Three Syrian officers defected to Jordan on May 5, 2012, officials said.",
        "Jordan said on May 5, 2012 that three Syrian officers had crossed the border and defected.",
        "Three officers of the Syrian army fled to Jordan and defected on May 5, 2012, an opposition group said."};
    for (int k = 0; k < oneEvent.length; k++) {
      lines.add(BadInputGenerator.line("r" + k, "2012-05-0" + (6 + k), oneEvent[k]));
      truth.put("r" + k, "three-officers");
    }
    String[] oneColonel = {
        "Colonel Mohammed al-Hamada, a Syrian army officer, defected to Turkey on June 2, 2012, activists said.",
        "Syrian Colonel Muhammad Hammadeh defected to Turkey on June 2, 2012, the Turkish foreign ministry said.",
        "Syrian army Colonel Mohamed el Hamada defected to Turkey on June 2, 2012, his family said."};
    for (int k = 0; k < oneColonel.length; k++) {
      lines.add(BadInputGenerator.line("c" + k, "2012-06-0" + (3 + k), oneColonel[k]));
      truth.put("c" + k, "colonel");
    }
    String[] oneMajor = {"Syrian Major Omar Haddad defected to Jordan on July 9, 2012, a Jordanian official said.",
        "Major Umar al-Haddad of the Syrian army defected to Jordan on July 9, 2012."};
    for (int k = 0; k < oneMajor.length; k++) {
      lines.add(BadInputGenerator.line("m" + k, "2012-07-1" + k, oneMajor[k]));
      truth.put("m" + k, "major");
    }
    Path in = dir.resolve("articles.jsonl");
    Files.write(in, lines);
    JobRunner.run(in, dir.resolve("out"));

    // each record's articles, as events of the truth
    TreeSet<String> got = new TreeSet<>();
    int records = 0;
    for (String l : JobRunner.dump(dir.resolve("out/defections"))) {
      JsonNode r = BadInputGenerator.JSON.readTree(l);
      TreeSet<String> events = new TreeSet<>();
      r.get("article_ids").forEach(a -> events.add(truth.get(a.asText())));
      got.add(events + " " + r.get("article_ids").size());
      records++;
    }
    TreeSet<String> expected = new TreeSet<>();
    truth.forEach((article, event) -> {
      if (event.startsWith("event-")) {
        expected.add("[" + event + "] 1");
      }
    });
    expected.add("[three-officers] 3");
    expected.add("[colonel] 3");
    expected.add("[major] 2");
    assertEquals(expected, got);
    assertEquals(333 + 3, records);
  }
}

package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.defections.cli.Main;
import org.junit.jupiter.api.Test;

/** {@code defections sql}: the views it prints open every table of the sample output in DuckDB. */
class SqlCommandTest {
  @Test
  void theViewsOpenEveryTableInDuckDb() throws Exception {
    String out = JobRunner.sampleOutput().toString();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = Main.run(new String[] {"sql", "--output", out});
    } finally {
      System.setOut(old);
    }
    assertEquals(0, rc);
    String script = buf.toString(StandardCharsets.UTF_8);
    List<String> tables = List.of("defections", "defections_by_country", "defections_by_country_rank_month",
        "defections_by_month", "defections_by_rank", "input_files", "mentions", "rejects", "run_manifest");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      for (String line : script.split("\n")) {
        if (line.startsWith("CREATE")) {
          st.execute(line);
        }
      }
      for (String t : tables) {
        assertTrue(script.contains("VIEW " + t + " AS"), script);
        try (ResultSet r = st.executeQuery("SELECT count(*) FROM " + t)) {
          r.next();
          assertTrue(r.getLong(1) > 0 || t.equals("defections_changes"), t);
        }
      }
      try (ResultSet r = st.executeQuery("SELECT count(*) FROM defections")) {
        r.next();
        assertEquals(JobRunner.sampleManifest().at("/counts/records").asLong(), r.getLong(1));
      }
    }
  }
}

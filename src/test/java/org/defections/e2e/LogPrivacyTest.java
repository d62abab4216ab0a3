package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

/** Names of people (and the sentences they are in) appear in record tables only, never in the job's INFO logs. */
class LogPrivacyTest {
  @Test
  void infoLogsCarryCountsNotNames() throws Exception {
    List<String> messages = new CopyOnWriteArrayList<>();
    AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        messages.add(event.getLoggerName() + ": " + event.getMessage().getFormattedMessage());
      }
    };
    capture.start();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Level before = LogManager.getLogger("org.defections").getLevel();
    ctx.getConfiguration().getRootLogger().addAppender(capture, Level.INFO, null);
    Configurator.setLevel("org.defections", Level.INFO);
    ctx.updateLoggers();
    Path out = Files.createTempDirectory("log-privacy").resolve("out");
    try {
      JobRunner.run(JobRunner.PROJECT.resolve("samples/corpus"), out);
    } finally {
      ctx.getConfiguration().getRootLogger().removeAppender("capture");
      Configurator.setLevel("org.defections", before);
      ctx.updateLoggers();
      capture.stop();
    }
    assertTrue(messages.stream().anyMatch(m -> m.contains("resolved:")), "the job's INFO lines were captured: "
        + messages);
    List<String> secrets = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String l : JobRunner.dump(out.resolve("defections"))) {
      JsonNode r = json.readTree(l);
      if (!r.get("person_name").isNull()) {
        secrets.add(r.get("person_name").asText());
      }
      secrets.add(r.get("evidence").asText());
    }
    assertTrue(secrets.size() > 5, "names and evidence to look for: " + secrets);
    for (String m : messages) {
      for (String s : secrets) {
        assertFalse(m.contains(s), "a log line names '" + s + "': " + m);
      }
    }
  }
}

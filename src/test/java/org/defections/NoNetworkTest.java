package org.defections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Safe by default, checked on the sources: the job's code calls nothing that downloads or connects (Spark NLP's
 * {@code pretrained()} and resource downloader, URL connections, HTTP clients, sockets), and {@code conf/} holds no
 * secrets. A remote lexicon location is refused by {@code JobConfig} (JobConfigTest).
 */
class NoNetworkTest {
  private static final Path PROJECT = Paths.get(System.getProperty("project.dir", "."));
  private static final Pattern NETWORK = Pattern.compile("\\.pretrained\\(|ResourceDownloader|downloadModel|"
      + "openConnection\\(|openStream\\(|HttpClient|HttpURLConnection|new\\s+Socket\\(|SocketChannel|"
      + "fromJava\\(\\s*\"(?:https?|s3a?|gs)://");
  private static final Pattern SECRET = Pattern.compile("(?i)(password|passwd|secret(?:[._-]?key)?|token|access[._-]?key|"
      + "api[._-]?key|credential)\\s*[=:]\\s*\\S+");

  @Test
  void theJobsSourcesCallNothingThatConnects() throws IOException {
    assertEquals(List.of(), matches(PROJECT.resolve("src/main/java"), NETWORK));
  }

  @Test
  void confHoldsNoSecrets() throws IOException {
    assertEquals(List.of(), matches(PROJECT.resolve("conf"), SECRET));
  }

  @Test
  void thePatternsFindWhatTheyAreFor() {
    assertEquals(true, NETWORK.matcher("PerceptronModel.pretrained(\"pos\", \"en\")").find());
    assertEquals(true, NETWORK.matcher("new URL(u).openConnection()").find());
    assertEquals(true, SECRET.matcher("fs.s3a.secret.key = abc123").find());
    assertEquals(false, SECRET.matcher("# no secrets here").find());
  }

  private static List<String> matches(Path root, Pattern p) throws IOException {
    List<String> out = new ArrayList<>();
    try (var files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String l = lines.get(i).trim();
          if (l.startsWith("//") || l.startsWith("*") || l.startsWith("#")) {
            continue; // comments may name what is not done
          }
          Matcher m = p.matcher(l);
          if (m.find()) {
            out.add(root.relativize(f) + ":" + (i + 1) + ": " + l);
          }
        }
      }
    }
    return out;
  }
}

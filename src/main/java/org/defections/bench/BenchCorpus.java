package org.defections.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark corpus: JSON lines of real articles, negatives (articles that hold no defection) and positives (the
 * dev set) mixed at a given share of articles until the file reaches the requested size. Every written article has a
 * unique id ({@code <source id>~<copy>}); the sequence is deterministic, so the same options give the same file.
 * Plain Java, no Spark.
 */
public final class BenchCorpus {
  /** What was written: bytes, articles, of which positives. */
  public record Built(Path file, long bytes, long articles, long positives, boolean reused) {}

  private BenchCorpus() {}

  /**
   * Writes {@code target} (atomically: a temporary file moved into place) from the sources, unless it already
   * exists, in which case it is counted and reused.
   *
   * @param negatives JSON-lines files of articles that do not report defections
   * @param positives JSON-lines files of articles that do
   * @param sizeBytes the file grows until it holds at least this many bytes
   * @param positivesShare share of articles taken from the positives, 0 to 1
   */
  public static Built build(List<Path> negatives, List<Path> positives, long sizeBytes, double positivesShare,
      Path target) throws IOException {
    if (sizeBytes <= 0) {
      throw new IllegalArgumentException("the benchmark corpus size must be positive, got " + sizeBytes + " bytes");
    }
    if (positivesShare < 0 || positivesShare > 1 || Double.isNaN(positivesShare)) {
      throw new IllegalArgumentException("--positives-share must be between 0 and 1, got " + positivesShare);
    }
    if (Files.exists(target)) {
      return count(target);
    }
    ObjectMapper om = new ObjectMapper();
    List<ObjectNode> neg = load(om, negatives);
    List<ObjectNode> pos = load(om, positives);
    if (neg.isEmpty() && positivesShare < 1) {
      throw new IllegalArgumentException("no negative articles in " + negatives);
    }
    if (pos.isEmpty() && positivesShare > 0) {
      throw new IllegalArgumentException("no positive articles in " + positives);
    }
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    long bytes = 0;
    long articles = 0;
    long positivesWritten = 0;
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      while (bytes < sizeBytes) {
        // article i is a positive when the running share steps over an integer: exactly share × n positives
        boolean positive = Math.floor((articles + 1) * positivesShare) > Math.floor(articles * positivesShare);
        List<ObjectNode> from = positive ? pos : neg;
        long index = positive ? positivesWritten : articles - positivesWritten;
        ObjectNode a = from.get((int) (index % from.size())).deepCopy();
        a.put("id", a.path("id").asText() + "~" + index / from.size());
        String line = om.writeValueAsString(a);
        w.write(line);
        w.write('\n');
        bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        articles++;
        positivesWritten += positive ? 1 : 0;
      }
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Built(target, bytes, articles, positivesWritten, false);
  }

  /** Size and article count of an existing corpus file (positives unknown: -1). */
  public static Built count(Path file) throws IOException {
    long lines;
    try (var s = Files.lines(file, StandardCharsets.UTF_8)) {
      lines = s.count();
    }
    return new Built(file, Files.size(file), lines, -1, true);
  }

  private static List<ObjectNode> load(ObjectMapper om, List<Path> files) throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException("benchmark source " + f + " is not a file");
      }
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = om.readTree(line);
        if (!(n instanceof ObjectNode o) || !o.hasNonNull("id") || !o.hasNonNull("text")) {
          throw new IllegalArgumentException("benchmark source " + f + " has a line that is not an article object "
              + "with id and text");
        }
        out.add(o);
      }
    }
    return out;
  }
}

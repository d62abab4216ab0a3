package org.defections.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;

/**
 * How the line and text files of an input are read by Spark tasks (driver side). Files are packed into tasks of
 * about {@code splitBytes} as Spark's file sources pack them ({@code spark.sql.files.maxPartitionBytes}, at least
 * {@code openCostInBytes} per file, no more than the input spread over the cores). An uncompressed JSON-lines file
 * larger than that is cut into byte ranges ({@link FileSplit}); a first Spark job counts the newlines of each range,
 * so that every line keeps its number in the file. Compressed, CSV and text files are read whole.
 */
final class FilePlan {
  private FilePlan() {}

  /** The tasks (each a list of splits) for {@code uris}. */
  static List<List<FileSplit>> tasks(JavaSparkContext jsc, List<String> uris, InputFormat format,
      Broadcast<SerializableConfiguration> conf, long maxPartition, long openCost) {
    Configuration c = conf.value().value();
    Map<String, Long> sizes = new HashMap<>();
    long total = 0;
    for (String u : uris) {
      long len = length(u, c);
      sizes.put(u, len);
      total += len + openCost;
    }
    long splitBytes = Math.min(maxPartition, Math.max(openCost, total / Math.max(1, jsc.defaultParallelism())));
    List<FileSplit> splits = new ArrayList<>();
    List<FileSplit> toCount = new ArrayList<>();
    for (String u : uris) {
      long len = sizes.get(u);
      if (format != InputFormat.JSONL || len <= splitBytes || Codecs.compressed(u) || utf16(u, c)) {
        splits.add(FileSplit.whole(u));
        continue;
      }
      for (long start = 0; start < len; start += splitBytes) {
        FileSplit s = new FileSplit(u, start, Math.min(len, start + splitBytes), 0);
        splits.add(s);
        toCount.add(s);
      }
    }
    if (!toCount.isEmpty()) {
      splits = numbered(jsc, splits, toCount, conf);
    }
    // packed in order, as Spark packs files: a task closes when the next piece would overflow it
    List<List<FileSplit>> tasks = new ArrayList<>();
    List<FileSplit> current = new ArrayList<>();
    long filled = 0;
    for (FileSplit s : splits) {
      long size = (s.isWhole() ? sizes.get(s.uri()) : s.end() - s.start()) + openCost;
      if (!current.isEmpty() && filled + size > splitBytes + openCost) {
        tasks.add(current);
        current = new ArrayList<>();
        filled = 0;
      }
      current.add(s);
      filled += size;
    }
    if (!current.isEmpty()) {
      tasks.add(current);
    }
    return tasks;
  }

  /** The splits with the newlines before each (one Spark job counting the newlines of each range). */
  private static List<FileSplit> numbered(JavaSparkContext jsc, List<FileSplit> splits, List<FileSplit> toCount,
      Broadcast<SerializableConfiguration> conf) {
    List<Long> counts = jsc.parallelize(toCount, toCount.size()).map(s -> newlines(s, conf.value().value()))
        .collect();
    Map<FileSplit, Long> before = new HashMap<>();
    String file = null;
    long sum = 0;
    for (int i = 0; i < toCount.size(); i++) {
      FileSplit s = toCount.get(i);
      if (!s.uri().equals(file)) {
        file = s.uri();
        sum = 0;
      }
      before.put(s, sum);
      sum += counts.get(i);
    }
    List<FileSplit> out = new ArrayList<>();
    for (FileSplit s : splits) {
      Long n = before.get(s);
      out.add(n == null ? s : new FileSplit(s.uri(), s.start(), s.end(), n));
    }
    return out;
  }

  /** The newline bytes in the split's range. */
  static long newlines(FileSplit s, Configuration conf) throws IOException {
    Path p = InputFiles.path(s.uri());
    byte[] buf = new byte[1 << 16];
    long n = 0;
    try (FSDataInputStream in = InputFiles.fileSystem(p, conf).open(p)) {
      in.seek(s.start());
      long left = s.end() - s.start();
      while (left > 0) {
        int r = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (r <= 0) {
          break;
        }
        for (int i = 0; i < r; i++) {
          if (buf[i] == '\n') {
            n++;
          }
        }
        left -= r;
      }
    }
    return n;
  }

  private static long length(String uri, Configuration conf) {
    try {
      Path p = InputFiles.path(uri);
      FileSystem fs = InputFiles.fileSystem(p, conf);
      return fs.getFileStatus(p).getLen();
    } catch (IOException e) {
      return 0; // read whole: the reader's reject names the failure
    }
  }

  /** Whether a file opens with a UTF-16 byte-order mark (such a file is read whole). */
  private static boolean utf16(String uri, Configuration conf) {
    Path p = InputFiles.path(uri);
    try (InputStream in = InputFiles.fileSystem(p, conf).open(p)) {
      int b0 = in.read();
      int b1 = in.read();
      return b0 == 0xFF && b1 == 0xFE || b0 == 0xFE && b1 == 0xFF;
    } catch (IOException e) {
      return false; // read whole: the reader's reject names the failure
    }
  }
}

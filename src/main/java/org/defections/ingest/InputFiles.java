package org.defections.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files of an input path, before Spark reads them: a file, or the visible files of a directory (names not
 * starting with "." or "_", not in subdirectories, as Spark's readers see them). Files Spark could not read, or would
 * skip, become whole-file rejects here so that none is lost without a record: {@code unreadable_file} (a dangling link,
 * no read permission, not a regular file) and {@code empty_file} (zero bytes). The rest go to Spark.
 */
public final class InputFiles {
  /** Files to read, and the rejects of the others. Sources are named by {@link #name(String)}. */
  public record Listing(List<String> readable, List<ParsedRecord> rejects) {}

  private InputFiles() {}

  public static Listing list(String input, Configuration conf) {
    try {
      Path root = new Path(input);
      FileSystem fs = root.getFileSystem(conf);
      boolean local = "file".equals(fs.getScheme());
      List<String> readable = new ArrayList<>();
      List<ParsedRecord> rejects = new ArrayList<>();
      List<Path> candidates = new ArrayList<>();
      if (local && java.nio.file.Files.isDirectory(localPath(fs, root))) {
        // java.nio lists dangling links too (Hadoop's local listing fails on them)
        try (var s = java.nio.file.Files.list(localPath(fs, root))) {
          s.sorted().forEach(p -> candidates.add(new Path(p.toUri())));
        }
      } else if (!local && fs.getFileStatus(root).isDirectory()) {
        for (FileStatus st : fs.listStatus(root)) {
          if (!st.isDirectory()) {
            candidates.add(st.getPath());
          }
        }
      } else {
        candidates.add(root);
      }
      for (Path p : candidates) {
        String n = p.getName();
        if (candidates.size() > 1 || !p.equals(root)) {
          if (n.startsWith(".") || n.startsWith("_")) {
            continue;
          }
        }
        String source = name(fs.makeQualified(p).toString());
        if (local) {
          java.nio.file.Path f = localPath(fs, p);
          if (java.nio.file.Files.isDirectory(f)) {
            continue; // subdirectories are not read, as in Spark's file sources
          }
          if (!java.nio.file.Files.isRegularFile(f) || !java.nio.file.Files.isReadable(f)) {
            rejects.add(ParsedRecord.reject(source, 0, n, "unreadable_file", java.nio.file.Files.isSymbolicLink(f)
                && !java.nio.file.Files.exists(f) ? "a link to a file that does not exist" : "the file cannot be read "
                + "(permissions, or not a regular file)", ""));
            continue;
          }
        }
        if (fs.getFileStatus(p).getLen() == 0) {
          rejects.add(ParsedRecord.reject(source, 0, n, "empty_file", "the file is empty", ""));
          continue;
        }
        readable.add(fs.makeQualified(p).toString());
      }
      return new Listing(readable, rejects);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list input " + input + ": " + e.getMessage(), e);
    }
  }

  private static java.nio.file.Path localPath(FileSystem fs, Path p) {
    return java.nio.file.Paths.get(fs.makeQualified(p).toUri());
  }

  /**
   * One name per file whichever reader reported it: Spark's {@code input_file_name()} gives encoded URIs
   * ("file:///a%20b.jsonl"), listings give paths ("file:/a b.jsonl"); both become the latter.
   */
  public static String name(String source) {
    if (source == null || source.isEmpty()) {
      return source;
    }
    String[] last = LAST_NAME.get(); // the records of a file come one after another: one parse per file and thread
    if (source.equals(last[0])) {
      return last[1];
    }
    String name;
    try {
      name = new Path(new URI(source)).toString();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      name = source;
    }
    last[0] = source;
    last[1] = name;
    return name;
  }

  /** Per thread, the last source given to {@link #name} and its name. */
  private static final ThreadLocal<String[]> LAST_NAME = ThreadLocal.withInitial(() -> new String[2]);
}

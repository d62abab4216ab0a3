package org.defections.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files of an input path, before they are read: a file, or the files of a directory (not its subdirectories).
 * Every entry of the directory is accounted for:
 * <ul>
 *   <li>read: the regular, readable, non-empty files, as URIs ({@link #path(String)} opens them; no name is ever
 *   globbed or parsed, so any legal file name works);</li>
 *   <li>rejected as a whole file: {@code unreadable_file} (a dangling link, a loop of links, no read permission, not
 *   a regular file) and {@code empty_file} (zero bytes);</li>
 *   <li>skipped, and listed in {@code input_files} with the reason: {@code hidden_file} (a name starting with "."),
 *   {@code metadata_file} (a name starting with "_", as Hadoop and Spark write {@code _SUCCESS}), {@code directory}
 *   (a subdirectory, or a link to one).</li>
 * </ul>
 * Sources are named by {@link #name(String)}.
 */
public final class InputFiles {
  public static final String HIDDEN = "hidden_file";
  public static final String METADATA = "metadata_file";
  public static final String DIRECTORY = "directory";

  /** A directory entry that is not read, and why. */
  public record Skipped(String source, String reason) implements java.io.Serializable {}

  /** Files to read (URIs), the rejects of unreadable ones, and the skipped entries. */
  public record Listing(List<String> readable, List<ParsedRecord> rejects, List<Skipped> skipped) {}

  private InputFiles() {}

  public static Listing list(String input, Configuration conf) {
    try {
      Path root = new Path(input);
      FileSystem fs = fileSystem(root, conf);
      boolean local = "file".equals(fs.getUri().getScheme());
      List<String> readable = new ArrayList<>();
      List<ParsedRecord> rejects = new ArrayList<>();
      List<Skipped> skipped = new ArrayList<>();
      List<Path> entries = new ArrayList<>();
      boolean directory;
      if (local) {
        java.nio.file.Path dir = localPath(fs.makeQualified(root));
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          throw new IllegalArgumentException("input " + input + " does not exist");
        }
        directory = Files.isDirectory(dir);
        if (directory) {
          // java.nio lists dangling links too (Hadoop's local listing fails on them)
          try (var s = Files.list(dir)) {
            s.sorted().forEach(p -> entries.add(localEntry(p)));
          }
        }
      } else {
        if (!fs.exists(root)) {
          throw new IllegalArgumentException("input " + input + " does not exist");
        }
        directory = fs.getFileStatus(root).isDirectory();
        if (directory) {
          for (FileStatus st : fs.listStatus(root)) {
            entries.add(st.getPath());
          }
          entries.sort(null);
        }
      }
      if (!directory) {
        entries.add(fs.makeQualified(root));
      }
      for (Path p : entries) {
        String n = p.getName();
        String source = name(p.toUri().toString());
        if (directory && (n.startsWith(".") || n.startsWith("_"))) {
          skipped.add(new Skipped(source, n.startsWith(".") ? HIDDEN : METADATA));
          continue;
        }
        if (local) {
          java.nio.file.Path f = localPath(p);
          if (Files.isDirectory(f)) {
            skipped.add(new Skipped(source, DIRECTORY));
            continue;
          }
          if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
            rejects.add(ParsedRecord.reject(source, 0, n, "unreadable_file", whyUnreadable(f), ""));
            continue;
          }
        } else if (fs.getFileStatus(p).isDirectory()) {
          skipped.add(new Skipped(source, DIRECTORY));
          continue;
        }
        if (fs.getFileStatus(p).getLen() == 0) {
          rejects.add(ParsedRecord.reject(source, 0, n, "empty_file", "the file is empty", ""));
          continue;
        }
        readable.add(fs.makeQualified(p).toUri().toString());
      }
      return new Listing(readable, rejects, skipped);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list input " + input + ": " + e.getMessage(), e);
    }
  }

  /** A local directory entry as a Hadoop path (from a URI of its absolute path: no trailing slash, any character). */
  private static Path localEntry(java.nio.file.Path p) {
    try {
      return new Path(new URI("file", null, p.toAbsolutePath().toString(), null));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("cannot name " + p, e);
    }
  }

  /** Why a local entry that is not a directory cannot be read. */
  private static String whyUnreadable(java.nio.file.Path f) {
    if (Files.isSymbolicLink(f) && !Files.exists(f)) {
      try {
        f.toRealPath();
      } catch (FileSystemException e) {
        if (e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("levels")) {
          return "a link in a loop of links";
        }
      } catch (IOException e) {
        // the usual case: the target is missing
      }
      return "a link to a file that does not exist";
    }
    return "the file cannot be read (permissions, or not a regular file)";
  }

  /** The local file of a qualified {@code file:} path (the URI's decoded path: any character works). */
  private static java.nio.file.Path localPath(Path p) {
    return java.nio.file.Paths.get(p.toUri().getPath());
  }

  /**
   * The Hadoop path of a file as {@link #list} gives it (a URI): built from the parsed URI, never from a string that
   * Hadoop would parse again, so ":" or "[" in a name is just a character.
   */
  public static Path path(String uri) {
    try {
      return new Path(new URI(uri));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a file URI: " + uri, e);
    }
  }

  /**
   * The file system of a listed file, for reading it: the local one without its checksum layer (which looks for a
   * ".name.crc" beside each file by parsing a path, and fails on names with a colon).
   */
  public static FileSystem fileSystem(Path p, Configuration conf) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    return fs instanceof org.apache.hadoop.fs.LocalFileSystem local ? local.getRaw() : fs;
  }

  /**
   * One name per file whichever reader reported it: Spark's {@code input_file_name()} and the listing give encoded
   * URIs ("file:///a%20b.jsonl"), both become the decoded path ("file:/a b.jsonl").
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

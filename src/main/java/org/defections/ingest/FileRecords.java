package org.defections.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The records of one {@link FileSplit}, read in plain Java (no Spark): JSON lines, CSV rows or a whole text file,
 * each checked by the {@link RecordValidator}. {@code position} is the line number in the file (from 1) of the line
 * or row; a text file's record is at 1. Compressed files ({@link Codecs}) are decoded on the fly; when the data turns
 * out damaged, the records read before stay as they are and the rest of the file is one {@code bad_compression}
 * reject at the line where the damage was met. A file that fails to read otherwise is one {@code unreadable_file}
 * reject. JSON-lines and text files opening with a UTF-16 byte-order mark are decoded as UTF-16.
 */
public final class FileRecords implements Iterator<ParsedRecord>, AutoCloseable {
  private final FileSplit split;
  private final InputFormat format;
  private final RecordValidator validator;
  private final String source;
  private final String codec;
  private final int maxLineBytes;
  private InputStream in;
  private LineReader lines;
  private CsvRows csv;
  private ParsedRecord next;
  private boolean done;

  public FileRecords(FileSplit split, InputFormat format, RecordValidator validator, Configuration conf) {
    this.split = split;
    this.format = format;
    this.validator = validator;
    this.source = InputFiles.name(split.uri());
    this.codec = Codecs.of(split.uri());
    this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 64, 4L * validator.maxTextChars() + (1 << 16));
    try {
      open(conf);
    } catch (IOException e) {
      next = failure(e, codec != null ? 1 : 0); // damaged from its first line, or not readable at all
    }
  }

  private void open(Configuration conf) throws IOException {
    Path p = InputFiles.path(split.uri());
    FileSystem fs = InputFiles.fileSystem(p, conf);
    FSDataInputStream raw = fs.open(p);
    in = raw;
    if (!split.isWhole() && split.start() > 0) {
      raw.seek(split.start() - 1);
      lines = new LineReader(raw, split.start() - 1, split.newlinesBefore(), maxLineBytes);
      lines.skipPartialLine(split.start());
      return;
    }
    in = Codecs.decoded(codec, new java.io.BufferedInputStream(raw, 1 << 16));
    if (format == InputFormat.TEXT) {
      return;
    }
    in = Codecs.utf16AsUtf8(in);
    lines = new LineReader(in, 0, 0, maxLineBytes);
    if (format == InputFormat.CSV) {
      csv = new CsvRows(lines, source, validator);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        next = read();
      } catch (IOException | UncheckedIOException e) {
        next = failure(e instanceof UncheckedIOException u ? u.getCause() : e, lines == null ? 1 : lines.number());
      }
    }
    if (next == null) {
      close();
    }
    return next != null;
  }

  @Override
  public ParsedRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ParsedRecord r = next;
    next = null;
    return r;
  }

  /** The next record, or null at the end of the split. */
  private ParsedRecord read() throws IOException {
    switch (format) {
      case TEXT -> {
        done = true;
        byte[] content = in.readNBytes(maxLineBytes);
        return validator.fromTextFile(source, content);
      }
      case CSV -> {
        ParsedRecord r = csv.next();
        if (r == null) {
          done = true;
        }
        return r;
      }
      default -> {
        while (lines.next()) {
          if (split.end() >= 0 && lines.start() >= split.end()) {
            break;
          }
          if (lines.tooLong()) {
            return ParsedRecord.reject(source, lines.number(), null, "text_too_large", "the line has more than "
                + maxLineBytes + " bytes", "");
          }
          byte[] line = lines.bytes();
          if (!RecordValidator.isBlank(line)) {
            return validator.fromJsonLine(source, lines.number(), line);
          }
        }
        done = true;
        return null;
      }
    }
  }

  /** The one reject of a file that stopped reading at {@code line}; nothing is read after it. */
  private ParsedRecord failure(Throwable e, long line) {
    done = true;
    String name = source.substring(source.lastIndexOf('/') + 1);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (codec != null && !(e instanceof java.io.FileNotFoundException)) {
      return ParsedRecord.reject(source, line, name, "bad_compression", "the " + codec + " data is damaged from "
          + (line <= 1 ? "the start" : "line " + line) + " on (records before it are read): " + firstLine(message), "");
    }
    return ParsedRecord.reject(source, line, name, "unreadable_file", "reading failed"
        + (line <= 1 ? "" : " at line " + line) + ": " + firstLine(message), "");
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void close() {
    done = true;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // the records are read; a failing close changes none of them
      }
      in = null;
    }
  }
}

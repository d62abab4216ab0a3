package org.defections.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of a byte stream, split at LF only ("\r\n" loses its CR; a CR alone is a character of the line), each
 * with its number in the file. A split of a file reads the lines that start inside its byte range: the caller
 * positions the stream at the range's start (or one byte before it, see {@link #skipPartialLine}) and gives the
 * number of newlines before. A line longer than {@code maxLineBytes} is not kept: {@link #tooLong()} tells, and its
 * bytes are skipped. Not thread-safe; plain Java, no Spark.
 */
final class LineReader {
  private static final int BUFFER = 1 << 16;
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int len;
  /** Offset in the stream of buf[0]. */
  private long bufStart;
  private byte[] line = new byte[256];
  private int lineLen;
  private boolean tooLong;
  private long number;
  private long lineStart;

  /**
   * @param offset the offset in the file of the stream's first byte
   * @param linesBefore the number of lines before the first line this reader returns
   */
  LineReader(InputStream in, long offset, long linesBefore, int maxLineBytes) {
    this.in = in;
    this.bufStart = offset;
    this.number = linesBefore;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * For a split that starts at {@code splitStart} > 0, with the stream at {@code splitStart - 1}: skips the end of
   * the line begun before the split (it belongs to the previous split). Returns whether that skipped a newline at or
   * after {@code splitStart}, which then counts as one more line before.
   */
  boolean skipPartialLine(long splitStart) throws IOException {
    while (true) {
      if (pos == len && !fill()) {
        return false;
      }
      byte b = buf[pos++];
      if (b == '\n') {
        boolean after = bufStart + pos - 1 >= splitStart;
        if (after) {
          number++;
        }
        return after;
      }
    }
  }

  /** Reads the next line; false at the end of the stream. */
  boolean next() throws IOException {
    lineLen = 0;
    tooLong = false;
    number++; // while it is read, a failure is at this line
    if (pos == len && !fill()) {
      number--;
      return false;
    }
    lineStart = bufStart + pos;
    while (true) {
      int i = pos;
      while (i < len && buf[i] != '\n') {
        i++;
      }
      append(pos, i - pos);
      if (i < len) {
        pos = i + 1;
        break;
      }
      pos = len;
      if (!fill()) {
        break;
      }
    }
    if (lineLen > 0 && line[lineLen - 1] == '\r') {
      lineLen--;
    }
    return true;
  }

  private void append(int from, int n) {
    if (tooLong || n == 0) {
      return;
    }
    if (lineLen + n > maxLineBytes) {
      tooLong = true;
      lineLen = 0;
      return;
    }
    if (lineLen + n > line.length) {
      line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, lineLen + n));
    }
    System.arraycopy(buf, from, line, lineLen, n);
    lineLen += n;
  }

  private boolean fill() throws IOException {
    bufStart += len;
    pos = 0;
    len = 0;
    int n = in.read(buf, 0, BUFFER);
    if (n <= 0) {
      return false;
    }
    len = n;
    return true;
  }

  /** The current line's bytes (a copy), without its LF or a CR before it. */
  byte[] bytes() {
    return java.util.Arrays.copyOf(line, lineLen);
  }

  /** The current line's number in the file, from 1 (while a line is read: that line's). */
  long number() {
    return number;
  }

  /** The offset in the file where the current line starts. */
  long start() {
    return lineStart;
  }

  boolean tooLong() {
    return tooLong;
  }
}

package org.defections.ingest;

/**
 * A piece of one input file for one reader: the bytes [start, end) of {@code uri} (end -1: to the end of the file),
 * or the whole file. The lines it reads are those that start inside the range; {@code newlinesBefore} is the number
 * of newline bytes in [0, start), so that every line is numbered in its file. Only uncompressed JSON-lines files
 * are split; a compressed file, a CSV file (quoted fields span lines) and a text file are read whole.
 */
public record FileSplit(String uri, long start, long end, long newlinesBefore) implements java.io.Serializable {
  /** The whole file. */
  static FileSplit whole(String uri) {
    return new FileSplit(uri, 0, -1, 0);
  }

  boolean isWhole() {
    return start == 0 && end < 0;
  }
}

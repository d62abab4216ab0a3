package org.defections.ingest;

import java.util.Locale;

/** Input formats of {@code --format}. {@code AUTO} picks by file extension, then by content. */
public enum InputFormat {
  AUTO, TEXT, JSONL, CSV, PARQUET;

  public static InputFormat parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("format '" + s + "' is not one of auto, text, jsonl, csv, parquet");
    }
  }
}

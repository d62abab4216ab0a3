package org.defections.ingest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a CSV file (RFC 4180: comma, double quotes, a quote doubled inside quotes, quoted fields may span lines)
 * after its header, as records: columns found by name in the header ({@code id, url, published} or {@code date},
 * {@code title, text}; others ignored). A row that breaks quoting (a quote left open, text after a closing quote) or
 * has another number of fields than the header is a {@code malformed_csv} reject of its first line, with that line as
 * {@code raw}; reading goes on at the line after it, so a stray quote costs one row, never the rows after it. A line
 * that is not valid UTF-8 is an {@code invalid_utf8} reject. Blank lines are no rows. Plain Java.
 */
final class CsvRows {
  static final String MALFORMED = "malformed_csv";
  private static final String TOO_LARGE = "text_too_large";

  /** A physical line; {@code problem}: null, {@code invalid_utf8} or {@code text_too_large}. */
  private record Line(long number, String text, String problem) {
    boolean invalid() {
      return problem != null;
    }
  }

  private final LineReader lines;
  private final String source;
  private final RecordValidator validator;
  private final int maxRowChars;
  private final Deque<Line> pushedBack = new ArrayDeque<>();
  private int columns = -1;
  private int id = -1;
  private int url = -1;
  private int published = -1;
  private int title = -1;
  private int text = -1;
  private String headerLine;

  CsvRows(LineReader lines, String source, RecordValidator validator) {
    this.lines = lines;
    this.source = source;
    this.validator = validator;
    this.maxRowChars = (int) Math.min(Integer.MAX_VALUE - 64, 4L * validator.maxTextChars() + (1 << 16));
  }

  /** The next row's record or reject; null at the end of the file. */
  ParsedRecord next() throws IOException {
    if (columns < 0 && !readHeader()) {
      return null;
    }
    while (true) {
      Line first = line();
      if (first == null) {
        return null;
      }
      if (first.invalid()) {
        return ParsedRecord.reject(source, first.number(), null, first.problem(), first.problem().equals(TOO_LARGE)
            ? "the line has more than " + maxRowChars + " bytes" : "the line is not valid UTF-8",
            RecordValidator.head(first.text()));
      }
      if (first.text().isBlank()) {
        continue;
      }
      List<Line> used = new ArrayList<>(List.of(first));
      StringBuilder row = new StringBuilder(first.text());
      List<String> fields = new ArrayList<>();
      String problem;
      while (true) {
        problem = split(row, fields);
        if (!OPEN_QUOTE.equals(problem)) {
          break;
        }
        Line more = row.length() > maxRowChars ? null : line();
        if (more == null) {
          break;
        }
        used.add(more);
        if (more.invalid()) {
          problem = "a line inside the row is not valid UTF-8, or too long";
          break;
        }
        row.append('\n').append(more.text());
      }
      if (problem == null && fields.size() != columns) {
        problem = "the row has " + fields.size() + " fields, the header " + columns;
      }
      if (problem != null) {
        for (int i = used.size() - 1; i >= 1; i--) {
          pushedBack.addFirst(used.get(i)); // read again as rows of their own
        }
        return ParsedRecord.reject(source, first.number(), null, MALFORMED, problem, RecordValidator.head(
            first.text()));
      }
      String raw = row.toString();
      if (id < 0 || text < 0) {
        return ParsedRecord.reject(source, first.number(), null, "wrong_schema", "the header is '"
            + RecordValidator.head(headerLine) + "'; expected the columns id and text (and url, published, title)",
            RecordValidator.head(raw));
      }
      return validator.fromFields(source, first.number(), field(fields, id), field(fields, url),
          field(fields, published), field(fields, title), field(fields, text), raw);
    }
  }

  private static String field(List<String> fields, int i) {
    return i < 0 ? null : fields.get(i);
  }

  private boolean readHeader() throws IOException {
    Line h;
    do {
      h = line();
      if (h == null) {
        return false;
      }
    } while (h.text().isBlank());
    headerLine = h.text().startsWith("\uFEFF") ? h.text().substring(1) : h.text();
    List<String> names = new ArrayList<>();
    split(new StringBuilder(headerLine), names);
    columns = names.size();
    for (int i = 0; i < names.size(); i++) {
      switch (String.valueOf(names.get(i)).trim().toLowerCase(Locale.ROOT)) {
        case "id" -> id = i;
        case "url" -> url = i;
        case "published" -> published = i;
        case "date" -> published = published < 0 ? i : published;
        case "title" -> title = i;
        case "text" -> text = i;
        default -> { }
      }
    }
    return true;
  }

  private static final String OPEN_QUOTE = "a quoted field is not closed";

  /**
   * Splits one row's text into {@code fields} (null for an empty field); returns null, {@link #OPEN_QUOTE} when the text ends inside quotes
   * (the row may go on on the next line), or what breaks the quoting.
   */
  static String split(CharSequence row, List<String> fields) {
    fields.clear();
    StringBuilder f = new StringBuilder();
    int i = 0;
    int n = row.length();
    while (true) {
      f.setLength(0);
      boolean quoted = i < n && row.charAt(i) == '"';
      if (quoted) {
        i++;
        while (true) {
          if (i >= n) {
            return OPEN_QUOTE;
          }
          char c = row.charAt(i++);
          if (c == '"') {
            if (i < n && row.charAt(i) == '"') {
              f.append('"');
              i++;
            } else {
              break;
            }
          } else {
            f.append(c);
          }
        }
        if (i < n && row.charAt(i) != ',') {
          return "text after a closing quote";
        }
      } else {
        while (i < n && row.charAt(i) != ',') {
          f.append(row.charAt(i++));
        }
      }
      fields.add(f.isEmpty() ? null : f.toString()); // an empty field, quoted or not, is no value (as Spark reads it)
      if (i >= n) {
        return null;
      }
      i++; // the comma
    }
  }

  private Line line() throws IOException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.removeFirst();
    }
    if (!lines.next()) {
      return null;
    }
    if (lines.tooLong()) {
      return new Line(lines.number(), "", TOO_LARGE);
    }
    byte[] b = lines.bytes();
    try {
      return new Line(lines.number(), StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(b)).toString(), null);
    } catch (CharacterCodingException e) {
      return new Line(lines.number(), new String(b, StandardCharsets.UTF_8), "invalid_utf8");
    }
  }
}

package org.defections.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Turns raw input values into {@link ParsedRecord}s: parses JSON lines, decodes text files, checks the fields.
 * Plain Java. Reject reasons (stable strings, counted in the manifest): {@code unparseable_json}, {@code not_an_object},
 * {@code missing_id}, {@code missing_text}, {@code empty_text}, {@code wrong_type}, {@code bad_date},
 * {@code text_too_large}, {@code invalid_utf8}, {@code binary_content}, {@code empty_file}, {@code malformed_csv},
 * {@code future_date}, {@code bad_compression}, {@code trailing_content}, {@code duplicate_id} (set by the reader after grouping),
 * {@code unreadable_file} and {@code wrong_schema} (set by the reader for whole files). HTML text is reduced to its
 * visible text by {@link HtmlText}; a leading byte-order mark is dropped; gzip text files are decompressed.
 */
public final class RecordValidator implements Serializable {
  private static final long serialVersionUID = 1L;
  /** No limit on string length here (Jackson's default is 20 M characters): the size check is text_too_large's. */
  private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
      .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE).build()).build());
  /** Characters of a rejected record kept in the {@code raw} column. */
  static final int RAW_LIMIT = 2000;

  private final int maxTextChars;
  /** Publication dates after this day are rejected as {@code future_date}. */
  private final LocalDate latestDate;

  public RecordValidator(int maxTextChars) {
    this(maxTextChars, LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1));
  }

  public RecordValidator(int maxTextChars, LocalDate latestDate) {
    this.maxTextChars = maxTextChars;
    this.latestDate = latestDate;
  }

  /** True for a line of JSON white space only (space, tab, CR, LF) or none: a blank line, not a record. */
  public static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /**
   * One JSON line as read (bytes), with the result of {@link #fromJsonLine(String, long, String)} on its text: an
   * ASCII line of the common shape is read from its bytes by a streaming parser ({@link #simpleObject}), any other
   * line is decoded (invalid UTF-8 is rejected) and read by that method.
   */
  public ParsedRecord fromJsonLine(String source, long position, byte[] line) {
    // nearly every line of English news: valid UTF-8 as it is, parsed from its bytes; a NUL byte (UTF-16 without a
    // byte-order mark) would let the byte parser guess another encoding, so such a line takes the strict path
    if (isAscii(line) && noNul(line)) {
      ParsedRecord fast = simpleObject(source, position, line);
      if (fast != null) {
        return fast;
      }
    }
    try {
      return fromJsonLine(source, position, strictUtf8(line));
    } catch (CharacterCodingException e) {
      String lenient = new String(line, StandardCharsets.UTF_8);
      return ParsedRecord.reject(source, position, idOf(lenient), "invalid_utf8", "the line is not valid UTF-8",
          clip(lenient));
    }
  }

  /** Whether nothing but white space follows the value just read (anything else, even unreadable, is content). */
  private static boolean endsHere(JsonParser p) {
    try {
      return p.nextToken() == null;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean noNul(byte[] b) {
    for (byte x : b) {
      if (x == 0) {
        return false;
      }
    }
    return true;
  }

  /** The id of a line that is rejected before its fields are read, when it can be read at all; else null. */
  private static String idOf(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      JsonNode id = n == null ? null : n.get("id");
      return id != null && (id.isTextual() || id.isIntegralNumber()) ? id.asText() : null;
    } catch (Exception e) {
      return null;
    }
  }

  /** The text limit (ingest.max-text-chars). */
  public int maxTextChars() {
    return maxTextChars;
  }

  /**
   * Whether a text has nothing to read: only white space (Unicode's, the no-break spaces included) and format
   * characters (zero-width spaces, byte-order marks, direction marks).
   */
  static boolean isEmptyText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) {
        return false;
      }
    }
    return true;
  }

  /** Whether every byte is ASCII (below 0x80), eight at a time. */
  static boolean isAscii(byte[] b) {
    int i = 0;
    for (; i + 8 <= b.length; i += 8) {
      if (((long) LONGS.get(b, i) & 0x8080808080808080L) != 0) {
        return false;
      }
    }
    for (; i < b.length; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
      long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * The common line read with Jackson's streaming parser, no tree: a JSON object whose fields {@code id, url,
   * published, date, title, text} are strings or null (other fields may hold anything). Returns null for any other
   * line (a syntax error, another root, a number as id ...): {@link #fromJsonLine(String, long, String)} then reads
   * it, and gives the reject or record it always gave. For the lines it reads, it gives what that method gives:
   * the last value of a repeated field, {@code published} before {@code date} when present (even as null); anything
   * after the object goes to that method, which rejects it.
   */
  private ParsedRecord simpleObject(String source, long position, byte[] line) {
    String id = null;
    String url = null;
    String published = null;
    boolean hasPublished = false;
    String date = null;
    String title = null;
    String text = null;
    try (JsonParser p = JSON.getFactory().createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        t = p.nextToken();
        boolean string = t == JsonToken.VALUE_STRING;
        if (!string && t != JsonToken.VALUE_NULL) {
          switch (field) {
            case "id", "url", "published", "date", "title", "text":
              return null;
            default:
              p.skipChildren();
              continue;
          }
        }
        String v = string ? p.getText() : null;
        switch (field) {
          case "id" -> id = v;
          case "url" -> url = v;
          case "published" -> {
            published = v;
            hasPublished = true;
          }
          case "date" -> date = v;
          case "title" -> title = v;
          case "text" -> text = v;
          default -> { }
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        return null; // the strict path gives the reject
      }
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
    return checked(source, position, id, url, hasPublished ? published : date, title, text,
        () -> new String(line, StandardCharsets.ISO_8859_1));
  }

  /** One JSON line; fields {@code id, url, published|date, title, text}. */
  public ParsedRecord fromJsonLine(String source, long position, String line) {
    if (line.startsWith("\uFEFF")) {
      line = line.substring(1); // a byte-order mark opening the file
    }
    if (line.indexOf('\u0000') >= 0) {
      return ParsedRecord.reject(source, position, null, "unparseable_json", "the line holds NUL characters "
          + "(UTF-16 without a byte-order mark?)", clip(line.replace('\u0000', ' ')));
    }
    JsonNode n;
    try (JsonParser p = JSON.getFactory().createParser(line)) {
      n = JSON.readTree(p);
      if (n != null && !endsHere(p)) {
        return ParsedRecord.reject(source, position, n.isObject() ? idOf(n.toString()) : null, "trailing_content",
            "more follows the JSON value on the line", clip(line));
      }
    } catch (Exception e) {
      return ParsedRecord.reject(source, position, null, "unparseable_json", firstLine(e.getMessage()), clip(line));
    }
    if (n == null || !n.isObject()) {
      return ParsedRecord.reject(source, position, null, "not_an_object", "a JSON object per line is expected",
          clip(line));
    }
    JsonNode id = n.get("id");
    JsonNode text = n.get("text");
    String idValue = id == null || id.isNull() ? null : id.isValueNode() ? id.asText() : null;
    if (id != null && !id.isNull() && !(id.isTextual() || id.isIntegralNumber())) {
      return ParsedRecord.reject(source, position, null, "wrong_type", "id must be a string or an integer",
          clip(line));
    }
    if (text != null && !text.isNull() && !text.isTextual()) {
      return ParsedRecord.reject(source, position, idValue, "wrong_type", "text must be a string", clip(line));
    }
    JsonNode date = n.has("published") ? n.get("published") : n.get("date");
    return check(source, position, idValue, str(n.get("url")), date == null || date.isNull() ? null : date.asText(),
        str(n.get("title")), text == null || text.isNull() ? null : text.asText(), line);
  }

  /** The position of a text file's record: its first line. */
  public static final long TEXT_POSITION = 1;

  /** One text file's bytes (position {@value #TEXT_POSITION}); the id is the file name. */
  public ParsedRecord fromTextFile(String path, byte[] content) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (content.length == 0) {
      return ParsedRecord.reject(path, 0, name, "empty_file", "the file is empty", "");
    }
    if (content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) {
      try {
        content = gunzip(content);
      } catch (java.io.IOException e) {
        return ParsedRecord.reject(path, TEXT_POSITION, name, "bad_compression", "a gzip file that cannot be read: "
            + firstLine(e.getMessage()), "");
      }
      if (content.length == 0) {
        return ParsedRecord.reject(path, TEXT_POSITION, name, "empty_file", "the gzip file holds nothing", "");
      }
    }
    String text = Codecs.utf16Text(content);
    if (text == null) {
      for (byte x : content) {
        if (x == 0) {
          return ParsedRecord.reject(path, TEXT_POSITION, name, "binary_content", "the file holds NUL bytes (UTF-16 "
              + "is read only with a byte-order mark)", "");
        }
      }
      try {
        text = strictUtf8(content);
      } catch (CharacterCodingException e) {
        return ParsedRecord.reject(path, TEXT_POSITION, name, "invalid_utf8", "the file is not valid UTF-8", "");
      }
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return check(path, TEXT_POSITION, name, null, null, null, text, null);
  }

  /** The content of a gzip file, at most 4 bytes per allowed text character (more is cut, and then too large). */
  private byte[] gunzip(byte[] gz) throws java.io.IOException {
    try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, 4L * maxTextChars + 4));
    }
  }

  /** A row of a CSV or Parquet input, already split into fields. */
  public ParsedRecord fromFields(String source, long position, String id, String url, String published, String title,
      String text, String raw) {
    return check(source, position, id, url, published, title, text, raw);
  }

  private ParsedRecord check(String source, long position, String id, String url, String published, String title,
      String text, String raw) {
    return checked(source, position, id, url, published, title, text, () -> raw);
  }

  /** The checks of a record's fields; {@code raw} (null: none) is only asked for a reject. */
  private ParsedRecord checked(String source, long position, String id, String url, String published,
      String title, String text, java.util.function.Supplier<String> rawOf) {
    if (id == null || id.isBlank()) {
      return ParsedRecord.reject(source, position, null, "missing_id", "the record has no id", rawOf(rawOf));
    }
    if (text == null) {
      return ParsedRecord.reject(source, position, id, "missing_text", "the record has no text", rawOf(rawOf));
    }
    if (isEmptyText(text)) {
      return ParsedRecord.reject(source, position, id, "empty_text", "the text is empty or white space",
          rawOf(rawOf));
    }
    if (text.length() > maxTextChars) {
      return ParsedRecord.reject(source, position, id, "text_too_large",
          "text has " + text.length() + " characters, the limit (ingest.max-text-chars) is " + maxTextChars,
          rawOf(rawOf));
    }
    if (text.indexOf('\u0000') >= 0) {
      return ParsedRecord.reject(source, position, id, "binary_content", "the text holds NUL characters",
          rawOf(rawOf));
    }
    String date = null;
    if (published != null && !published.isBlank()) {
      LocalDate day = PublishedDates.localDate(published.trim());
      if (day == null) {
        return ParsedRecord.reject(source, position, id, "bad_date", "unreadable date: " + clip(published),
            rawOf(rawOf));
      }
      date = day.toString();
      if (day.isAfter(latestDate)) {
        return ParsedRecord.reject(source, position, id, "future_date", "published " + date + ", after "
            + latestDate + ": relative dates cannot be resolved against it", rawOf(rawOf));
      }
    }
    if (HtmlText.looksLikeHtml(text)) {
      org.jsoup.nodes.Document doc = HtmlText.parse(text);
      String pageTitle = HtmlText.title(doc);
      text = HtmlText.text(doc);
      if (isEmptyText(text)) {
        return ParsedRecord.reject(source, position, id, "empty_text", "an HTML page without visible text",
            rawOf(rawOf));
      }
      if (title == null || title.isBlank()) {
        title = pageTitle;
      }
    }
    return ParsedRecord.ok(source, position, id.trim(), blankToNull(url), date, blankToNull(title),
        text.replace("\r\n", "\n").replace('\r', '\n'));
  }

  /** The raw value a reject shows: clipped, empty for none. */
  private static String rawOf(java.util.function.Supplier<String> raw) {
    String r = raw.get();
    return r == null ? "" : clip(r);
  }

  private static String str(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Bytes decoded as UTF-8, failing on malformed input instead of replacing it. */
  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
  }

  /** The first {@value #RAW_LIMIT} characters: the raw value of a reject the reader makes (no ellipsis). */
  static String head(String s) {
    return s.length() <= RAW_LIMIT ? s : s.substring(0, RAW_LIMIT);
  }

  private static String clip(String s) {
    return s == null ? null : s.length() <= RAW_LIMIT ? s : s.substring(0, RAW_LIMIT) + "...";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }
}

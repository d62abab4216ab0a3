package org.defections.extract.text;

/** Tokens [begin, end) of a passage. */
public record TokenRange(int begin, int end) {
  public static final TokenRange EMPTY = new TokenRange(0, 0);

  public TokenRange {
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("not a token range: [" + begin + ", " + end + ")");
    }
  }

  public static TokenRange of(int begin, int end) {
    return new TokenRange(begin, end);
  }

  public int length() {
    return end - begin;
  }

  public boolean isEmpty() {
    return end == begin;
  }

  public boolean contains(int token) {
    return token >= begin && token < end;
  }

  public boolean contains(TokenRange other) {
    return other.begin >= begin && other.end <= end;
  }

  public boolean overlaps(TokenRange other) {
    return other.begin < end && begin < other.end;
  }

  /** This range cut to {@code bounds} (empty at the nearer bound when they do not overlap). */
  public TokenRange within(TokenRange bounds) {
    int b = Math.max(begin, bounds.begin);
    int e = Math.min(end, bounds.end);
    return e <= b ? new TokenRange(Math.min(Math.max(b, bounds.begin), bounds.end),
        Math.min(Math.max(b, bounds.begin), bounds.end)) : new TokenRange(b, e);
  }

  @Override
  public String toString() {
    return "[" + begin + "," + end + ")";
  }
}

package org.defections.report;

import java.util.Locale;

/**
 * A small builder of static, self-contained SVG: rectangles, lines and single-line text, each value escaped. Text is
 * never wrapped (an SVG {@code <text>} is one line), so a label cannot break inside a word.
 */
final class Svg {
  static final int WIDTH = 860;
  /** Approximate advance of one character of the 12 px sans-serif labels, to size label columns. */
  static final double CHAR_WIDTH = 7.0;
  static final String RECORDS = "#1f77b4";
  static final String PEOPLE = "#ff7f0e";
  static final String REPORTED = "#9ecae1";
  static final String AXIS = "#888888";
  static final String GRID = "#e3e3e3";

  private final StringBuilder b = new StringBuilder(8 * 1024);

  Svg(String id, int width, int height, String title) {
    b.append("<svg id='").append(HtmlReport.esc(id)).append("' xmlns='http://www.w3.org/2000/svg' width='")
        .append(width).append("' height='").append(height).append("' viewBox='0 0 ").append(width).append(' ')
        .append(height).append("' role='img' font-family='sans-serif' font-size='12'><title>")
        .append(HtmlReport.esc(title)).append("</title>\n");
  }

  /** A filled rectangle; {@code tip} (may be null) is shown on hover. */
  Svg rect(double x, double y, double w, double h, String fill, String tip) {
    b.append("<rect x='").append(n(x)).append("' y='").append(n(y)).append("' width='").append(n(w))
        .append("' height='").append(n(h)).append("' fill='").append(fill).append('\'');
    if (tip == null) {
      b.append("/>\n");
    } else {
      b.append("><title>").append(HtmlReport.esc(tip)).append("</title></rect>\n");
    }
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke) {
    b.append("<line x1='").append(n(x1)).append("' y1='").append(n(y1)).append("' x2='").append(n(x2))
        .append("' y2='").append(n(y2)).append("' stroke='").append(stroke).append("'/>\n");
    return this;
  }

  /** One line of text; {@code anchor} is start, middle or end. */
  Svg text(double x, double y, String s, String anchor, String fill) {
    b.append("<text x='").append(n(x)).append("' y='").append(n(y)).append("' text-anchor='").append(anchor)
        .append("' fill='").append(fill).append("'>").append(HtmlReport.esc(s)).append("</text>\n");
    return this;
  }

  /** A colour key: a square and its name. Returns the x after it. */
  double key(double x, double y, String fill, String name) {
    rect(x, y - 9, 10, 10, fill, null);
    text(x + 14, y, name, "start", "#333333");
    return x + 14 + name.length() * CHAR_WIDTH + 16;
  }

  String end() {
    return b.append("</svg>").toString();
  }

  /** Width a label column needs for these labels, between {@code min} and {@code max} pixels. */
  static double labelWidth(Iterable<String> labels, double min, double max) {
    double w = min;
    for (String l : labels) {
      w = Math.max(w, l.length() * CHAR_WIDTH + 12);
    }
    return Math.min(w, max);
  }

  /** A round upper bound for an axis: 1, 1.5, 2, 3, 4, 5, 6 or 8 times a power of ten, at least {@code max}. */
  static long niceCeiling(long max) {
    if (max <= 1) {
      return 1;
    }
    long p = 1;
    while (p * 10 < max) {
      p *= 10;
    }
    for (double m : new double[] {1, 1.5, 2, 3, 4, 5, 6, 8, 10}) {
      long v = Math.round(m * p);
      if (v >= max && v == m * p) {
        return v;
      }
    }
    return 10 * p;
  }

  /** "1 record", "3 records", "1 person": {@code unit} (records, mentions, people) in the number of {@code n}. */
  static String count(long n, String unit) {
    if (n != 1) {
      return n + " " + unit;
    }
    return n + " " + (unit.equals("people") ? "person" : unit.endsWith("s") ? unit.substring(0, unit.length() - 1)
        : unit);
  }

  /** The values ruled on an axis that ends at {@code scale}: 0, its half when whole, and itself. */
  static long[] ticks(long scale) {
    return scale % 2 == 0 ? new long[] {0, scale / 2, scale} : new long[] {0, scale};
  }

  private static String n(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}

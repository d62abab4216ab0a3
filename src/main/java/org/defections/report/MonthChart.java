package org.defections.report;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Charts over a monthly time axis: one bar per month that has any, empty months left as gaps; the axis is labelled
 * by month over short spans and by year over long ones (the bars stay monthly). Small multiples draw several series
 * (countries) on the same axis, one strip each.
 */
final class MonthChart {
  private static final int TITLE = 26;
  private static final int PLOT = 150;
  private static final int STRIP = 34;
  private static final int AXIS = 22;
  private static final int Y_LABELS = 48;
  private static final int[] YEAR_STEPS = {1, 2, 5, 10, 20, 25, 50, 100};

  private MonthChart() {}

  /** Bars of one series over the months ({@code months}: every month from first to last, in order). */
  static String bars(String id, String title, List<ReportData.Row> months, String series, String color,
      String unit) {
    long max = 0;
    for (ReportData.Row m : months) {
      max = Math.max(max, m.values.getOrDefault(series, 0L));
    }
    long scale = Svg.niceCeiling(max);
    int height = TITLE + PLOT + AXIS;
    double x0 = Y_LABELS;
    double plotW = Svg.WIDTH - x0 - 10;
    double bottom = TITLE + PLOT;
    Svg s = new Svg(id, Svg.WIDTH, height, title);
    s.text(0, 16, title, "start", "#222222");
    for (long t : Svg.ticks(scale)) {
      double y = bottom - PLOT * (double) t / scale;
      s.line(x0, y, x0 + plotW, y, Svg.GRID).text(x0 - 6, y + 4, Long.toString(t), "end", Svg.AXIS);
    }
    double w = plotW / months.size();
    for (int i = 0; i < months.size(); i++) {
      long v = months.get(i).values.getOrDefault(series, 0L);
      if (v > 0) {
        double h = PLOT * (double) v / scale;
        s.rect(x0 + i * w + w * 0.1, bottom - h, Math.max(w * 0.8, 1), h, color,
            months.get(i).label + ": " + Svg.count(v, unit));
      }
    }
    axis(s, months, x0, plotW, bottom);
    return s.end();
  }

  /**
   * One strip per row of {@code strips} (label, then records per month keyed by "yyyy-MM"), on the axis of
   * {@code months}; each strip has its own scale, written at its right ("max N a month").
   */
  static String multiples(String id, String title, List<ReportData.Row> months, List<ReportData.Row> strips) {
    double labelW = Svg.labelWidth(strips.stream().map(r -> r.label)::iterator, 80, 260);
    double x0 = labelW + 8;
    double plotW = Svg.WIDTH - x0 - 110;
    int height = TITLE + strips.size() * STRIP + AXIS;
    Svg s = new Svg(id, Svg.WIDTH, height, title);
    s.text(0, 16, title, "start", "#222222");
    double w = plotW / months.size();
    for (int k = 0; k < strips.size(); k++) {
      ReportData.Row strip = strips.get(k);
      double base = TITLE + (k + 1) * STRIP - 4;
      long max = strip.values.values().stream().mapToLong(Long::longValue).max().orElse(0);
      s.text(labelW, base - 8, strip.label, "end", "#222222");
      s.line(x0, base, x0 + plotW, base, Svg.GRID);
      for (int i = 0; i < months.size(); i++) {
        long v = strip.values.getOrDefault(months.get(i).label, 0L);
        if (v > 0) {
          double h = (STRIP - 8) * (double) v / Math.max(max, 1);
          s.rect(x0 + i * w + w * 0.1, base - h, Math.max(w * 0.8, 1), h, Svg.RECORDS,
              strip.label + ", " + months.get(i).label + ": " + Svg.count(v, "records"));
        }
      }
      s.text(x0 + plotW + 8, base - 8, max == 0 ? "no dated records" : "max " + max + " a month", "start",
          Svg.AXIS);
    }
    axis(s, months, x0, plotW, TITLE + strips.size() * STRIP);
    return s.end();
  }

  /** Ticks under the plot: months ("2014-09") when they fit, else years, spaced to stay legible. */
  private static void axis(Svg s, List<ReportData.Row> months, double x0, double plotW, double bottom) {
    s.line(x0, bottom, x0 + plotW, bottom, Svg.AXIS);
    double w = plotW / months.size();
    YearMonth first = YearMonth.parse(months.get(0).label);
    if (months.size() <= 36) {
      int step = (int) Math.ceil(60 / w);
      for (int i = 0; i < months.size(); i += step) {
        tick(s, x0 + i * w + w / 2, bottom, months.get(i).label);
      }
      return;
    }
    int yearStep = YEAR_STEPS[YEAR_STEPS.length - 1];
    for (int step : YEAR_STEPS) {
      if (step * 12 * w >= 42) {
        yearStep = step;
        break;
      }
    }
    for (int i = 0; i < months.size(); i++) {
      YearMonth m = first.plusMonths(i);
      if (m.getMonthValue() == 1 && m.getYear() % yearStep == 0) {
        tick(s, x0 + i * w, bottom, Integer.toString(m.getYear()));
      }
    }
  }

  private static void tick(Svg s, double x, double bottom, String label) {
    s.line(x, bottom, x, bottom + 4, Svg.AXIS).text(x, bottom + 16, label, "middle", Svg.AXIS);
  }

  /** Every month from {@code first} to {@code last} as empty rows, keyed by "yyyy-MM". */
  static Map<String, ReportData.Row> span(YearMonth first, YearMonth last) {
    Map<String, ReportData.Row> out = new java.util.LinkedHashMap<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      out.put(m.toString(), new ReportData.Row(m.toString()).put("records", 0).put("people", 0));
    }
    return out;
  }
}

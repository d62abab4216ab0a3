package org.defections.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bar charts: one row per category, its label on the left on one line (never wrapped), bars of one or
 * more stacked series, and the total written at the bar's end, with an optional second figure that is not drawn
 * to scale (e.g. people beside records, so one large group does not flatten every other bar).
 */
final class BarChart {
  private static final int TITLE = 26;
  private static final int LEGEND = 20;
  private static final int ROW = 22;
  private static final int AXIS = 24;
  private static final int VALUE_ROOM = 190;

  private BarChart() {}

  /**
   * @param stacked the series drawn as bars, stacked in this order, with {@code colors}
   * @param unit    the unit of the bars' total ("records")
   * @param note    a series written beside the total but not drawn ("people"), or null
   */
  static String horizontal(String id, String title, List<ReportData.Row> rows, List<String> stacked,
      List<String> colors, String unit, String note) {
    boolean legend = stacked.size() > 1;
    int top = TITLE + (legend ? LEGEND : 0);
    int height = top + rows.size() * ROW + AXIS;
    List<String> labels = new ArrayList<>();
    long max = 0;
    for (ReportData.Row r : rows) {
      labels.add(r.label);
      max = Math.max(max, total(r, stacked));
    }
    double labelW = Svg.labelWidth(labels, 80, 320);
    double x0 = labelW + 8;
    double plotW = Svg.WIDTH - x0 - VALUE_ROOM;
    long scale = Svg.niceCeiling(max);
    Svg s = new Svg(id, Svg.WIDTH, height, title);
    s.text(0, 16, title, "start", "#222222");
    if (legend) {
      double kx = x0;
      for (int i = 0; i < stacked.size(); i++) {
        kx = s.key(kx, TITLE + 12, colors.get(i), stacked.get(i).toLowerCase(java.util.Locale.ROOT));
      }
    }
    double bottom = top + rows.size() * ROW;
    for (long t : Svg.ticks(scale)) {
      double x = x0 + plotW * t / scale;
      s.line(x, top, x, bottom, Svg.GRID).text(x, bottom + 15, Long.toString(t), "middle", Svg.AXIS);
    }
    for (int i = 0; i < rows.size(); i++) {
      ReportData.Row r = rows.get(i);
      double y = top + i * ROW;
      s.text(labelW, y + 15, r.label, "end", "#222222");
      double x = x0;
      for (int k = 0; k < stacked.size(); k++) {
        long v = r.values.getOrDefault(stacked.get(k), 0L);
        double w = plotW * v / scale;
        if (v > 0) {
          s.rect(x, y + 4, Math.max(w, 1), ROW - 8, colors.get(k), r.label + ": " + v + " "
              + stacked.get(k).toLowerCase(java.util.Locale.ROOT));
        }
        x += w;
      }
      long total = total(r, stacked);
      String figure = Svg.count(total, unit) + (note != null && r.values.containsKey(note)
          ? " · " + Svg.count(r.values.get(note), note) : "");
      s.text(x + 6, y + 15, figure, "start", "#333333");
    }
    s.line(x0, top, x0, bottom, Svg.AXIS);
    return s.end();
  }

  private static long total(ReportData.Row r, List<String> series) {
    long t = 0;
    for (String k : series) {
      t += r.values.getOrDefault(k, 0L);
    }
    return t;
  }
}

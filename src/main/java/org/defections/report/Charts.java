package org.defections.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts of the static report, drawn by JFreeChart onto JFreeSVG's Graphics2D: each is an inline {@code <svg>}
 * element with the given id (its defs are prefixed by the id, so several charts can share one page).
 */
final class Charts {
  static final int WIDTH = 860;
  static final int HEIGHT = 360;
  private static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
      new Color(0xd62728)};

  private Charts() {}

  /** A line per series over the rows' labels (months, in order). */
  static String line(String id, String title, String xLabel, String yLabel, List<ReportData.Row> rows) {
    JFreeChart chart = ChartFactory.createLineChart(title, xLabel, yLabel, dataset(rows),
        PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = style(chart, rows.size());
    LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
    r.setDefaultShapesVisible(true);
    for (int i = 0; i < SERIES.length; i++) {
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    return svg(id, chart);
  }

  /** Bars per row, one bar per series side by side, or stacked. */
  static String bars(String id, String title, String xLabel, String yLabel, List<ReportData.Row> rows,
      boolean stacked) {
    JFreeChart chart = stacked
        ? ChartFactory.createStackedBarChart(title, xLabel, yLabel, dataset(rows), PlotOrientation.VERTICAL, true,
            false, false)
        : ChartFactory.createBarChart(title, xLabel, yLabel, dataset(rows), PlotOrientation.VERTICAL, true, false,
            false);
    CategoryPlot plot = style(chart, rows.size());
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setMaximumBarWidth(0.08);
    return svg(id, chart);
  }

  private static DefaultCategoryDataset dataset(List<ReportData.Row> rows) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (ReportData.Row row : rows) {
      for (Map.Entry<String, Long> v : row.values.entrySet()) {
        ds.addValue(v.getValue(), v.getKey(), row.label);
      }
    }
    return ds;
  }

  private static CategoryPlot style(JFreeChart chart, int categories) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    plot.setOutlineVisible(false);
    for (int i = 0; i < SERIES.length; i++) {
      plot.getRenderer().setSeriesPaint(i, SERIES[i]);
    }
    CategoryAxis x = plot.getDomainAxis();
    if (categories > 12) {
      x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    }
    x.setMaximumCategoryLabelLines(2);
    ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    return plot;
  }

  private static String svg(String id, JFreeChart chart) {
    SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
    g2.setDefsKeyPrefix(id + "-");
    chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    return g2.getSVGElement(id);
  }
}

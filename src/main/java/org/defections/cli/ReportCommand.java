package org.defections.cli;

import java.io.IOException;
import org.apache.spark.sql.SparkSession;
import org.defections.report.HtmlReport;
import org.defections.report.ReportData;
import org.defections.report.ReportLoader;
import org.defections.write.ParquetInspector;

/** The commands that read an output: {@code inspect} (Parquet footers) and {@code report} (the HTML report). */
final class ReportCommand {
  private ReportCommand() {}

  /** {@code inspect}: prints the Parquet footers of a table folder or of an output's tables. */
  static int inspect(String[] args) {
    if (args.length != 2 || args[1].startsWith("-")) {
      throw new IllegalArgumentException("inspect needs one PATH (a table folder, a Parquet file or an output "
          + "directory)");
    }
    System.out.print(new ParquetInspector(new org.apache.hadoop.conf.Configuration()).describe(args[1]));
    return 0;
  }

  /** {@code report}: reads the tables of an output directory and writes the HTML report. */
  static int report(String[] args) throws IOException {
    String output = null;
    String file = null;
    String master = "";
    int top = 25;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h":
        case "--help":
          System.out.println(Main.USAGE);
          return 0;
        case "--output":
          output = Main.value(args, ++i, a);
          break;
        case "--report":
          file = Main.value(args, ++i, a);
          break;
        case "--master":
          master = Main.value(args, ++i, a);
          break;
        case "--top":
          String v = Main.value(args, ++i, a);
          try {
            top = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            top = -1;
          }
          if (top < 1) {
            throw new IllegalArgumentException("--top must be a positive integer, got '" + v + "'");
          }
          break;
        default:
          throw new IllegalArgumentException("unknown option '" + a + "' for report");
      }
    }
    if (output == null) {
      throw new IllegalArgumentException("report needs --output DIR (an output directory of `defections run`)");
    }
    String target = file != null ? file : output + "/report.html";
    SparkSession spark = Main.session("defections-report", master);
    try {
      ReportData data = new ReportLoader(spark).load(output, top, 20);
      try {
        HtmlReport.write(target, HtmlReport.render(data), spark.sparkContext().hadoopConfiguration());
      } catch (IOException e) {
        throw new IOException("cannot write the report: " + e.getMessage(), e);
      }
      System.out.printf("defections: report of run %s written to %s (%d records, %d people known)%n", data.runId,
          target, data.totals.get("records"), data.totals.get("people_known"));
    } finally {
      spark.stop();
    }
    return 0;
  }
}

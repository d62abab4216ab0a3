package org.defections.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.defections.write.TableWriter;

/**
 * {@code defections sql --output DIR}: prints a DuckDB script of one view per table of a job output (or of a nightly
 * warehouse's current version), for querying the output without Spark:
 * {@code duckdb -readonly -init <(bin/defections sql --output DIR)}. Only complete outputs are described.
 */
final class SqlCommand {
  static final String USAGE = String.join("\n",
      "usage: defections sql --output DIR",
      "",
      "  sql                      prints DuckDB views over every table of DIR (a run's output, or a nightly",
      "                           warehouse: its CURRENT version); e.g. duckdb -readonly -init <(defections sql ...)");

  private SqlCommand() {}

  static int run(String[] args, PrintStream out) {
    String output = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        case "--output" -> output = Main.value(args, ++i, args[i - 1]);
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' for sql");
      }
    }
    if (output == null) {
      throw new IllegalArgumentException("sql needs --output DIR (an output of `defections run`, or a warehouse)");
    }
    out.print(script(output, new Configuration()));
    return 0;
  }

  /** The DuckDB script for the output {@code dir}: a view per table, in name order. */
  static String script(String dir, Configuration conf) {
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(conf);
      root = TableWriter.readableOutput(fs, root);
      Path tables = TableWriter.tablesDir(fs, root);
      List<String> lines = new ArrayList<>();
      lines.add("-- DuckDB views over the tables of " + tables + " (read-only: open with duckdb -readonly)");
      FileStatus[] entries = fs.listStatus(tables);
      java.util.Arrays.sort(entries);
      for (FileStatus st : entries) {
        String name = st.getPath().getName();
        if (!st.isDirectory() || name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        String files = st.getPath().toUri().getPath() + "/*";
        lines.add(name.equals(TableWriter.MANIFEST_TABLE)
            ? "CREATE OR REPLACE VIEW " + name + " AS SELECT * FROM read_json_auto(" + quote(files + ".json") + ");"
            : "CREATE OR REPLACE VIEW " + name + " AS SELECT * FROM read_parquet(" + quote(files + ".parquet") + ");");
      }
      return String.join("\n", lines) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the tables of " + dir, e);
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}

package org.defections.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Reads Parquet footers with parquet-hadoop (no Spark job) for operators: per table its files, rows, row groups,
 * sizes, codecs, the schema, and per column the null count and min/max statistics over all row groups.
 * Accepts a Parquet file, a table folder, or an output directory (every table folder in it).
 */
public final class ParquetInspector {
  private static final int MAX_STAT_CHARS = 40;
  /** Columns that hold names of people or their text: their statistics values are not printed. */
  private static final java.util.Set<String> PERSONAL = java.util.Set.of("person_name", "aliases", "evidence",
      "sentence", "raw", "text", "title", "detail");
  private final Configuration conf;

  public ParquetInspector(Configuration conf) {
    this.conf = conf;
  }

  /** Rows of the Parquet table (a folder of part files) at {@code dir}, summed from the files' footers. */
  public long rows(String dir) {
    Path p = new Path(dir);
    try {
      FileSystem fs = p.getFileSystem(conf);
      long rows = 0;
      for (FileStatus f : parquetFiles(fs, p)) {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(f.getPath(), conf))) {
          rows += r.getRecordCount();
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the footers of " + dir, e);
    }
  }

  /** A human-readable description of the Parquet data under {@code path}. */
  public String describe(String path) {
    Path p = new Path(path);
    StringBuilder out = new StringBuilder();
    try {
      FileSystem fs = p.getFileSystem(conf);
      if (!fs.exists(p)) {
        throw new IllegalArgumentException(path + " does not exist");
      }
      if (fs.getFileStatus(p).isFile()) {
        table(out, p.getName(), List.of(fs.getFileStatus(p)));
        return out.toString();
      }
      List<FileStatus> files = parquetFiles(fs, p);
      if (!files.isEmpty()) {
        table(out, p.getName(), files);
        return out.toString();
      }
      int tables = 0;
      for (FileStatus st : fs.listStatus(p)) {
        String name = st.getPath().getName();
        if (st.isDirectory() && !name.startsWith("_") && !name.startsWith(".")) {
          List<FileStatus> f = parquetFiles(fs, st.getPath());
          if (!f.isEmpty()) {
            table(out, name, f);
            tables++;
          }
        }
      }
      if (tables == 0) {
        throw new IllegalArgumentException(path + " holds no Parquet file and no table folder with Parquet files");
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static List<FileStatus> parquetFiles(FileSystem fs, Path dir) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    for (FileStatus st : fs.listStatus(dir)) {
      if (st.isFile() && st.getPath().getName().endsWith(".parquet")) {
        out.add(st);
      } else if (st.isDirectory() && st.getPath().getName().contains("=")) {
        out.addAll(parquetFiles(fs, st.getPath())); // partition folders: key=value
      }
    }
    out.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
    return out;
  }

  private void table(StringBuilder out, String name, List<FileStatus> files) throws IOException {
    long rows = 0;
    long groups = 0;
    long bytes = 0;
    long uncompressed = 0;
    TreeSet<String> codecs = new TreeSet<>();
    String schema = null;
    Map<String, Statistics<?>> stats = new TreeMap<>();
    Map<String, Integer> withoutStats = new TreeMap<>();
    for (FileStatus f : files) {
      bytes += f.getLen();
      try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(f.getPath(), conf))) {
        ParquetMetadata footer = r.getFooter();
        if (schema == null) {
          schema = footer.getFileMetaData().getSchema().toString();
        }
        for (BlockMetaData b : footer.getBlocks()) {
          groups++;
          rows += b.getRowCount();
          uncompressed += b.getTotalByteSize();
          for (ColumnChunkMetaData c : b.getColumns()) {
            codecs.add(c.getCodec().name());
            String col = c.getPath().toDotString();
            Statistics<?> s = c.getStatistics();
            if (s == null || s.isEmpty()) {
              withoutStats.merge(col, 1, Integer::sum);
              stats.putIfAbsent(col, null);
              continue;
            }
            Statistics<?> merged = stats.get(col);
            if (merged == null) {
              stats.put(col, s.copy());
            } else {
              merged.mergeStatistics(s); // typed: numbers compare as numbers
            }
          }
        }
      }
    }
    out.append(String.format("table %s: %d file(s), %d rows, %d row group(s), %,d bytes on disk (%,d uncompressed), "
        + "codecs %s%n", name, files.size(), rows, groups, bytes, uncompressed, codecs));
    for (FileStatus f : files) {
      out.append(String.format("  file %s (%,d bytes)%n", f.getPath().getName(), f.getLen()));
    }
    out.append("  schema: ").append(schema == null ? "-" : schema.trim().replace("\n", "\n    ")).append('\n');
    out.append("  column statistics (nulls; min .. max as stored):\n");
    for (Map.Entry<String, Statistics<?>> e : stats.entrySet()) {
      Statistics<?> st = e.getValue();
      int missing = withoutStats.getOrDefault(e.getKey(), 0);
      out.append(String.format("    %-28s %s%s%s%n", e.getKey(), st == null ? "no statistics" : "nulls " + st.getNumNulls(),
          st != null && st.hasNonNullValue() && PERSONAL.contains(e.getKey().split("\\.")[0]) ? "; values not shown"
              : st != null && st.hasNonNullValue() ? "; " + shorten(st.minAsString()) + " .. " + shorten(st.maxAsString()) : "",
          missing > 0 ? "; " + missing + " row group(s) without statistics" : ""));
    }
  }

  private static String shorten(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= MAX_STAT_CHARS ? one : one.substring(0, MAX_STAT_CHARS) + "…";
  }
}

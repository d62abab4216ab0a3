package org.defections.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishing without renames ({@link PublishMode#POINTER}): the tables are already in their final folder
 * ({@code <output>/runs/<run id>/}, or a nightly version folder); the run's manifest is written into that folder, and
 * then, for a {@code run} output, the pointer {@code <output>/_manifest.json} (the manifest plus {@code "tables":
 * "runs/<run id>"}) in one small write: on an object store a write is all or nothing. Then the folders of other runs
 * are removed. A reader follows the pointer ({@link #tablesDir}); a run killed before the pointer is written leaves
 * the previous pointer and its tables as they were.
 */
final class PointerPublish {
  static final String RUNS = "runs";
  static final String TABLES = "tables";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FileSystem fs;
  private final Path output;
  private final Path tables;
  private final boolean versioned;

  PointerPublish(FileSystem fs, Path output, Path tables, boolean versioned) {
    this.fs = fs;
    this.output = output;
    this.tables = tables;
    this.versioned = versioned;
  }

  void publish(String manifestJson, String manifestLine) {
    try {
      TableWriter.step("run manifest");
      write(new Path(new Path(tables, TableWriter.MANIFEST_TABLE), "manifest.json"), manifestLine + "\n");
      TableWriter.step("manifest");
      write(new Path(tables, TableWriter.MANIFEST), manifestJson);
      if (versioned) {
        return; // a nightly version: CURRENT is the pointer (Warehouse)
      }
      ObjectNode pointer = (ObjectNode) JSON.readTree(manifestJson);
      pointer.put(TABLES, RUNS + "/" + tables.getName());
      TableWriter.step("pointer");
      write(new Path(output, TableWriter.MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pointer));
      TableWriter.step("clean");
      for (FileStatus st : fs.listStatus(tables.getParent())) {
        if (!st.getPath().getName().equals(tables.getName())) {
          fs.delete(st.getPath(), true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish the tables into " + output, e);
    }
  }

  private void write(Path file, String text) throws IOException {
    try (OutputStream out = fs.create(file, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The folder of an output's tables: the one its manifest's {@code tables} names, else the output itself. */
  static Path tablesDir(FileSystem fs, Path output) throws IOException {
    Path manifest = new Path(output, TableWriter.MANIFEST);
    if (!fs.exists(manifest)) {
      return output;
    }
    try (InputStream in = fs.open(manifest)) {
      JsonNode m = JSON.readTree(in);
      JsonNode t = m == null ? null : m.get(TABLES);
      return t == null || !t.isTextual() ? output : new Path(output, t.asText());
    }
  }
}

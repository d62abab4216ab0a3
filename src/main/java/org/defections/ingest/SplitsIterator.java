package org.defections.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;

/** The records of a task's splits, one {@link FileRecords} after another; the open file is closed when the task ends. */
final class SplitsIterator implements Iterator<ParsedRecord> {
  private final Iterator<FileSplit> splits;
  private final InputFormat format;
  private final RecordValidator validator;
  private final Configuration conf;
  private FileRecords current;

  /** {@code tasks}: the partition's one element, the task's splits. */
  SplitsIterator(Iterator<java.util.List<FileSplit>> tasks, InputFormat format, RecordValidator validator,
      Configuration conf) {
    java.util.List<FileSplit> all = new java.util.ArrayList<>();
    tasks.forEachRemaining(all::addAll);
    this.splits = all.iterator();
    this.format = format;
    this.validator = validator;
    this.conf = conf;
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener(t -> {
        if (current != null) {
          current.close();
        }
      });
    }
  }

  @Override
  public boolean hasNext() {
    while (current == null || !current.hasNext()) {
      if (!splits.hasNext()) {
        return false;
      }
      current = new FileRecords(splits.next(), format, validator, conf);
    }
    return true;
  }

  @Override
  public ParsedRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}

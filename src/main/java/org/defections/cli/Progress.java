package org.defections.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress of a long run on stderr, from Spark's listener bus: at most one line per interval, only when something
 * moved: elapsed time, Spark jobs and stages done, tasks done, and the running stages with their task counts.
 * Prints counts only (never data). The job's own milestones (articles read, annotated, records) are logged by
 * {@code org.defections.DefectionJob} at INFO.
 */
final class Progress extends SparkListener implements AutoCloseable {
  private final PrintStream out;
  private final long intervalMs;
  private final long start = System.nanoTime();
  private final AtomicInteger jobsDone = new AtomicInteger();
  private final AtomicInteger stagesDone = new AtomicInteger();
  private final AtomicLong tasksDone = new AtomicLong();
  private final Map<Integer, int[]> running = new ConcurrentHashMap<>(); // stage id -> {done, total}
  private final Thread printer;
  private volatile String last = "";

  Progress(PrintStream out, long intervalMs) {
    this.out = out;
    this.intervalMs = intervalMs;
    this.printer = new Thread(this::loop, "defections-progress");
    printer.setDaemon(true);
    printer.start();
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    running.put(e.stageInfo().stageId(), new int[] {0, e.stageInfo().numTasks()});
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted e) {
    running.remove(e.stageInfo().stageId());
    stagesDone.incrementAndGet();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    tasksDone.incrementAndGet();
    int[] s = running.get(e.stageId());
    if (s != null) {
      synchronized (s) {
        s[0]++;
      }
    }
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd e) {
    jobsDone.incrementAndGet();
  }

  /** The current progress line (also what the printer prints). */
  String line() {
    StringBuilder b = new StringBuilder();
    long s = (System.nanoTime() - start) / 1_000_000_000L;
    b.append(String.format("progress %dm%02ds: spark jobs %d, stages %d, tasks %d done", s / 60, s % 60,
        jobsDone.get(), stagesDone.get(), tasksDone.get()));
    running.forEach((id, t) -> b.append(String.format("; stage %d running %d/%d tasks", id, t[0], t[1])));
    return b.toString();
  }

  private void loop() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(intervalMs);
        String l = line();
        String moved = l.substring(l.indexOf(':'));
        if (!moved.equals(last)) {
          out.println("defections: " + l);
          last = moved;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    printer.interrupt();
  }
}

package org.defections;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Driver threads that submit a run's small independent Spark jobs (table writes) side by side. Every piece of work
 * started is remembered, so that a failed run can wait for the writes under way before its staging folder goes.
 */
final class DriverPool implements AutoCloseable {
  /** Threads: the run's concurrent writes (ingest tables, defections, aggregates) fit in it. */
  static final int THREADS = 6;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
    Thread th = new Thread(r, "defections-writer");
    th.setDaemon(true);
    return th;
  });
  private final List<CompletableFuture<?>> started = java.util.Collections.synchronizedList(new ArrayList<>());

  /** Runs {@code work} (it submits Spark jobs of its own) on the pool. */
  <T> CompletableFuture<T> async(Supplier<T> work) {
    CompletableFuture<T> f = CompletableFuture.supplyAsync(work, pool);
    started.add(f);
    return f;
  }

  /**
   * The value of work done in the background, or its own exception (a checked one wrapped, with {@code what} failed
   * as the message).
   */
  static <T> T joined(CompletableFuture<T> work, String what) {
    try {
      return work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw new IllegalStateException(what, e.getCause());
    }
  }

  /**
   * Waits for all the work started (finished or failed); any failure other than {@code cause} is added to it as
   * suppressed.
   */
  void awaitAfter(Throwable cause) {
    List<CompletableFuture<?>> all;
    synchronized (started) {
      all = new ArrayList<>(started);
    }
    for (CompletableFuture<?> f : all) {
      try {
        f.join();
      } catch (RuntimeException other) { // the run fails with cause; another failure goes with it
        if (other != cause && other.getCause() != cause) {
          cause.addSuppressed(other);
        }
      }
    }
  }

  @Override
  public void close() {
    pool.shutdown();
  }
}

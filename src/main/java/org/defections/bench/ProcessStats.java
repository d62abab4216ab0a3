package org.defections.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Time and memory of this JVM process during a benchmark phase: CPU time of all its threads and, of it, the JIT
 * compilers' and the garbage collectors' (from the platform beans; -1 where the JVM does not tell); peak heap in use
 * (sampled every 20 ms from the memory bean, so a peak shorter than that can be missed; the JVM cannot use more than
 * {@link #maxHeap()}); and peak resident set size (Linux {@code VmHWM}, reset through {@code /proc/self/clear_refs}
 * where the kernel allows it; otherwise the process-wide peak, flagged).
 */
public final class ProcessStats implements AutoCloseable {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  /**
   * Peak heap and RSS of a phase, in bytes ({@code rssSincePhase} is false when the RSS peak is process-wide), and the
   * process's CPU, JIT-compilation and GC times in the phase, in seconds.
   */
  public record Peak(long heapBytes, long rssBytes, boolean rssSincePhase, double cpuSeconds, double jitSeconds,
      double gcSeconds) {}

  private long cpuAtReset;
  private long jitAtReset;
  private long gcAtReset;

  private volatile boolean rssReset;
  private final java.util.concurrent.atomic.AtomicLong heapPeak = new java.util.concurrent.atomic.AtomicLong();
  private final Thread sampler;

  /** Starts sampling the heap (a daemon thread, stopped by {@link #close()}). */
  public ProcessStats() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts a phase: resets the heap peak, the time counters and, when possible, the RSS high-water mark. */
  public void reset() {
    System.gc();
    cpuAtReset = cpuNanos();
    jitAtReset = jitMillis();
    gcAtReset = gcMillis();
    heapPeak.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    try {
      Files.writeString(CLEAR_REFS, "5");
      rssReset = true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      rssReset = false; // not Linux, or not allowed: the process-wide peak is reported and flagged
    }
  }

  /** Peaks since {@link #reset()}. */
  public Peak peak() {
    return new Peak(heapPeak.get(), statusKb("VmHWM") * 1024, rssReset, since(cpuNanos(), cpuAtReset, 1e9),
        since(jitMillis(), jitAtReset, 1e3), since(gcMillis(), gcAtReset, 1e3));
  }

  private static double since(long now, long then, double perSecond) {
    return now < 0 || then < 0 ? -1 : Math.round((now - then) / perSecond * 100) / 100.0;
  }

  /** CPU time of the process (all threads), ns; -1 if unknown. */
  static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Time the JIT compilers have spent, ms (summed over compiler threads); -1 if unknown. */
  static long jitMillis() {
    java.lang.management.CompilationMXBean c = ManagementFactory.getCompilationMXBean();
    return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : -1;
  }

  /** Time of the garbage collections so far (pauses and concurrent cycles as the collectors count them), ms. */
  static long gcMillis() {
    long ms = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  /** The heap the JVM may grow to ({@code -Xmx}), bytes. */
  public static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }

  @Override
  public void close() {
    sampler.interrupt();
  }

  /** A "kB" field of /proc/self/status, or -1 when unavailable. */
  static long statusKb(String field) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}

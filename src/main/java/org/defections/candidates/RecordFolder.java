package org.defections.candidates;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The scanned records of one partition with the accepted articles that hold no passages folded (plain Java, no
 * Spark job): rejects and articles with passages pass through in their order; the others are folded per source and
 * language into rows of at most {@value #MAX_FOLD} articles ({@code records} how many, {@code idHashes} their ids'
 * hashes, {@code position} the first one's; see {@link ScannedRecord}), each given out when it is full and the rest at
 * the end. Nothing is dropped: the sum of {@code records} out is the number of records in.
 */
public final class RecordFolder implements Iterator<ScannedRecord> {
  /** Spark's seed for {@code xxhash64}: {@link #idHash} equals {@code functions.xxhash64(col("id"))}. */
  private static final long SPARK_SEED = 42L;
  /**
   * Articles per fold row at most: a row's hashes stay 32 KB, far below the heap's humongous-object size (half a G1
   * region, 1 MB at a 4 GiB heap), in the scan, its encoding and the cache's column buffers.
   */
  static final int MAX_FOLD = 4096;
  private final Iterator<ScannedRecord> in;
  private final Map<List<String>, Fold> folds = new LinkedHashMap<>();
  private Iterator<Fold> out;
  private ScannedRecord next;

  public RecordFolder(Iterator<ScannedRecord> in) {
    this.in = in;
  }

  /** The 64-bit hash of an id that Spark's {@code xxhash64} gives for the same string. */
  public static long idHash(String id) {
    return XXH64.hashUTF8String(UTF8String.fromString(id), SPARK_SEED);
  }

  /** Whether a scanned record is folded: an accepted article without passages. */
  static boolean folds(ScannedRecord r) {
    return r.getReason() == null && (r.getPassages() == null || r.getPassages().isEmpty());
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (out == null && in.hasNext()) {
        ScannedRecord r = in.next();
        if (folds(r)) {
          List<String> key = Arrays.asList(r.getSource(), r.getLanguage());
          Fold f = folds.computeIfAbsent(key, k -> new Fold(r));
          f.add(r.getId());
          if (f.n == MAX_FOLD) {
            folds.remove(key);
            next = f.row();
          }
        } else {
          next = r;
        }
      } else {
        if (out == null) {
          out = folds.values().iterator();
        }
        if (!out.hasNext()) {
          return false;
        }
        next = out.next().row();
      }
    }
    return true;
  }

  @Override
  public ScannedRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ScannedRecord r = next;
    next = null;
    return r;
  }

  /** The articles of one source and language folded so far. */
  private static final class Fold {
    private final ScannedRecord row = new ScannedRecord();
    private long[] hashes = new long[64];
    private int n;

    Fold(ScannedRecord first) {
      row.setSource(first.getSource());
      row.setPosition(first.getPosition());
      row.setLanguage(first.getLanguage());
    }

    void add(String id) {
      if (n == hashes.length) {
        hashes = Arrays.copyOf(hashes, n * 2);
      }
      hashes[n++] = idHash(id);
    }

    ScannedRecord row() {
      row.setRecords(n);
      row.setIdHashes(n == hashes.length ? hashes : Arrays.copyOf(hashes, n));
      return row;
    }
  }
}

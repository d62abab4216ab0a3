package org.defections.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.defections.write.TableWriter;

/**
 * The published side of a warehouse directory:
 * <pre>
 *   versions/&lt;runId&gt;/   one complete output of the job per night (tables, run_manifest, _manifest.json)
 *   CURRENT              the run id readers use; replaced in one atomic rename after a version is complete
 *   current              (local file systems) a symbolic link to versions/&lt;CURRENT&gt;, swapped atomically too
 *   _lock                held (OS file lock) by the running night; a killed run's lock goes with its process
 *   state/               the incremental state ({@link IncrementalState})
 * </pre>
 * A version without {@code _manifest.json} is incomplete (its run died); it is never made current and is removed by
 * the next successful run.
 */
public final class Warehouse implements AutoCloseable {
  static final String VERSIONS = "versions";
  static final String CURRENT = "CURRENT";
  static final String CURRENT_LINK = "current";
  static final String LOCK = "_lock";

  private final Path root;
  private final FileSystem fs;
  private final Configuration conf;
  private FileChannel lockChannel;
  private FileLock lock;

  public Warehouse(String dir, Configuration conf) {
    this.root = new Path(dir);
    this.conf = conf;
    try {
      this.fs = root.getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open warehouse " + dir, e);
    }
  }

  /**
   * Takes the warehouse lock, or fails naming who holds it. Only local (and NFS) warehouses can be locked here;
   * elsewhere the scheduler must keep runs apart (cron's flock, Airflow's max_active_runs, Forbid on Kubernetes).
   */
  public void lock() {
    if (!isLocal()) {
      return;
    }
    java.nio.file.Path file = localPath(new Path(root, LOCK));
    try {
      Files.createDirectories(file.getParent());
      lockChannel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
        lockChannel.close();
        lockChannel = null;
        throw new IllegalStateException("another nightly run holds the lock on " + root + " (" + holder
            + "); runs of one warehouse cannot overlap");
      }
      lockChannel.truncate(0);
      lockChannel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since "
          + java.time.Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)));
      lockChannel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock of " + root, e);
    } finally {
      lock = null;
      lockChannel = null;
    }
  }

  /** Where a new version's tables go. */
  public String versionDir(String runId) {
    return new Path(new Path(root, VERSIONS), runId).toString();
  }

  /** The run id of the published version, or null before the first night. */
  public String current() {
    Path p = new Path(root, CURRENT);
    try {
      if (!fs.exists(p)) {
        return null;
      }
      try (InputStream in = fs.open(p)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  /** Makes a complete version the one readers see: CURRENT is replaced by an atomic rename, then the link. */
  public void publish(String runId) {
    Path version = new Path(versionDir(runId));
    try {
      if (!fs.exists(new Path(version, TableWriter.MANIFEST))) {
        throw new IllegalStateException("version " + runId + " is incomplete (no " + TableWriter.MANIFEST + ")");
      }
      Path tmp = new Path(root, "_" + CURRENT + "." + runId);
      try (OutputStream out = fs.create(tmp, true)) {
        out.write((runId + "\n").getBytes(StandardCharsets.UTF_8));
      }
      FileContext.getFileContext(root.toUri(), conf).rename(tmp, new Path(root, CURRENT), Options.Rename.OVERWRITE);
      if (isLocal()) {
        java.nio.file.Path link = localPath(new Path(root, CURRENT_LINK));
        java.nio.file.Path tmpLink = link.resolveSibling("_" + CURRENT_LINK + "." + runId);
        Files.deleteIfExists(tmpLink);
        Files.createSymbolicLink(tmpLink, java.nio.file.Paths.get(VERSIONS, runId));
        Files.move(tmpLink, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish version " + runId + " in " + root, e);
    }
  }

  /**
   * Deletes versions beyond the newest {@code keep} complete ones, and incomplete versions (runs that died), never
   * the current one. Returns the run ids deleted.
   */
  public List<String> retain(int keep) {
    String current = current();
    List<String> complete = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    Path versions = new Path(root, VERSIONS);
    try {
      if (!fs.exists(versions)) {
        return deleted;
      }
      for (FileStatus st : fs.listStatus(versions)) {
        String id = st.getPath().getName();
        if (id.equals(current)) {
          continue;
        }
        if (fs.exists(new Path(st.getPath(), TableWriter.MANIFEST))) {
          complete.add(id);
        } else {
          fs.delete(st.getPath(), true);
          deleted.add(id);
        }
      }
      complete.sort(null);
      int keepOthers = Math.max(0, keep - (current == null ? 0 : 1));
      for (int i = 0; i < complete.size() - keepOthers; i++) {
        fs.delete(new Path(versions, complete.get(i)), true);
        deleted.add(complete.get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot apply retention in " + versions, e);
    }
    return deleted;
  }

  private boolean isLocal() {
    return "file".equals(fs.getUri().getScheme());
  }

  private java.nio.file.Path localPath(Path p) {
    return java.nio.file.Paths.get(fs.makeQualified(p).toUri());
  }

}

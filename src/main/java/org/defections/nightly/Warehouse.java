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
 *   current              (local file systems only, a convenience) a symbolic link to versions/&lt;CURRENT&gt;
 *   _lock                held by the running night: an OS file lock on local file systems (a killed run's lock goes
 *                        with its process); elsewhere a file created only if absent, naming owner, host, pid and
 *                        start, taken over when older than defections.nightly.lock-timeout-minutes
 *   state/               the incremental state ({@link IncrementalState})
 * </pre>
 * A version without {@code _manifest.json} is incomplete (its run died); it is never made current and is removed by
 * the next successful run.
 */
public final class Warehouse implements AutoCloseable {
  static final String VERSIONS = TableWriter.WAREHOUSE_VERSIONS;
  static final String CURRENT = TableWriter.WAREHOUSE_CURRENT;
  static final String CURRENT_LINK = "current";
  static final String LOCK = "_lock";

  private final Path root;
  private final FileSystem fs;
  private final Configuration conf;
  private FileChannel lockChannel;
  private FileLock lock;
  /** What this run wrote into a lock file (non-local warehouses), or null. */
  private String fileLockHolder;
  private final long lockTimeoutMs;
  private final org.defections.write.PublishMode mode;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Warehouse.class);

  public Warehouse(String dir, Configuration conf) {
    this(dir, conf, 720);
  }

  /** {@code lockTimeoutMinutes}: the age after which a lock file (non-local warehouses) is a dead run's. */
  public Warehouse(String dir, Configuration conf, int lockTimeoutMinutes) {
    this(dir, conf, lockTimeoutMinutes, org.defections.write.PublishMode.RENAME);
  }

  /** {@code mode}: {@code POINTER} writes CURRENT in place (one small write) instead of renaming it into place. */
  public Warehouse(String dir, Configuration conf, int lockTimeoutMinutes, org.defections.write.PublishMode mode) {
    this.mode = mode;
    this.lockTimeoutMs = lockTimeoutMinutes * 60_000L;
    this.root = new Path(dir);
    this.conf = conf;
    try {
      this.fs = root.getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open warehouse " + dir, e);
    }
  }

  /**
   * Takes the warehouse lock, or fails naming who holds it: an OS file lock on a local warehouse, a lock file
   * elsewhere ({@link #lockByFile}). Schedulers keep nights apart too (cron's flock, Airflow's max_active_runs, Forbid
   * on Kubernetes).
   */
  public void lock() {
    if (!isLocal()) {
      lockByFile();
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
      lockChannel.write(java.nio.ByteBuffer.wrap((holder() + "\n").getBytes(StandardCharsets.UTF_8)));
      lockChannel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  /** Who takes the lock: owner, host, pid and start time. */
  private static String holder() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown";
    }
    return "owner " + System.getProperty("user.name") + " host " + host + " pid " + ProcessHandle.current().pid()
        + " since " + java.time.Instant.now();
  }

  /**
   * The lock of a warehouse on HDFS or an object store: the file {@value #LOCK}, created only if absent. A lock file
   * older than the lock timeout is a dead run's: it is replaced (logged). Released by deleting it, if still ours.
   */
  private void lockByFile() {
    Path file = new Path(root, LOCK);
    String me = holder();
    try {
      fs.mkdirs(root);
      if (!createLock(file, me)) {
        FileStatus st = fs.getFileStatus(file);
        String held = readLock(file);
        long ageMs = System.currentTimeMillis() - st.getModificationTime();
        if (ageMs <= lockTimeoutMs) {
          throw new IllegalStateException("another nightly run holds the lock on " + root + " (" + held + ", "
              + ageMs / 60_000 + " minutes old); runs of one warehouse cannot overlap. A lock older than "
              + "defections.nightly.lock-timeout-minutes (" + lockTimeoutMs / 60_000 + ") is taken over");
        }
        LOG.warn("taking over a stale lock on {} ({}, {} minutes old)", root, held, ageMs / 60_000);
        fs.delete(file, false);
        if (!createLock(file, me)) {
          throw new IllegalStateException("another nightly run took the stale lock on " + root + " first ("
              + readLock(file) + ")");
        }
      }
      fileLockHolder = me;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  /** Creates the lock file holding {@code me} unless it exists; false when it does. */
  private boolean createLock(Path file, String me) throws IOException {
    try (OutputStream out = fs.create(file, false)) {
      out.write((me + "\n").getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(file)) {
        return false;
      }
      throw e;
    }
  }

  private String readLock(Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (java.io.FileNotFoundException e) {
      return "released meanwhile";
    }
  }

  @Override
  public void close() {
    try {
      if (fileLockHolder != null) {
        Path file = new Path(root, LOCK);
        if (fs.exists(file) && readLock(file).equals(fileLockHolder)) {
          fs.delete(file, false);
        }
      }
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
      fileLockHolder = null;
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

  /**
   * Makes a complete version the one readers see: CURRENT is replaced by an atomic rename, then the link; in pointer
   * mode (object stores) CURRENT is written in place.
   */
  public void publish(String runId) {
    Path version = new Path(versionDir(runId));
    try {
      if (!fs.exists(new Path(version, TableWriter.MANIFEST))) {
        throw new IllegalStateException("version " + runId + " is incomplete (no " + TableWriter.MANIFEST + ")");
      }
      if (mode == org.defections.write.PublishMode.POINTER) {
        try (OutputStream out = fs.create(new Path(root, CURRENT), true)) { // all or nothing on an object store
          out.write((runId + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return;
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

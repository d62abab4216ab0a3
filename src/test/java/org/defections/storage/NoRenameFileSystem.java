package org.defections.storage;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A local file system under the scheme {@code norename:} that refuses every rename the job could make, as an object
 * store would have it (there a rename is a copy and a delete). Renames inside Spark's own commit protocol
 * ({@code _temporary} folders) are let through: on a real object store an S3A committer does that work without
 * renames.
 */
public class NoRenameFileSystem extends RawLocalFileSystem {
  static final String SCHEME = "norename";
  /** Renames refused so far (a test checks some were tried, or none). */
  static final java.util.concurrent.atomic.AtomicInteger REFUSED = new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public void initialize(URI uri, Configuration conf) throws IOException {
    super.initialize(uri, conf);
    setConf(conf);
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    if (src.toUri().getPath().contains("/_temporary/")) {
      return super.rename(src, dst);
    }
    REFUSED.incrementAndGet();
    throw new IOException("rename is not supported here: " + src + " -> " + dst);
  }

  /** Registers the scheme in a Hadoop configuration. */
  static void register(Configuration conf) {
    conf.set("fs." + SCHEME + ".impl", NoRenameFileSystem.class.getName());
    conf.setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
  }
}

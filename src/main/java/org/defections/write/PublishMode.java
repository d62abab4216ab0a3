package org.defections.write;

import java.util.Locale;
import java.util.Set;

/**
 * How an output is published (config key {@code defections.publish.mode}: {@code auto}, {@code rename} or
 * {@code pointer}).
 * <ul>
 *   <li>{@link #RENAME}: tables are staged and moved into place under a journal ({@link TableWriter#publish}); for
 *   local disks and HDFS, where a rename is cheap and a directory rename atomic.</li>
 *   <li>{@link #POINTER}: for object stores, where a rename is a copy and a delete. Each run writes its tables straight
 *   to a path of its own ({@code <output>/runs/<run id>/}, or the nightly version folder) and publishes by writing the
 *   pointer last, in one small write: {@code _manifest.json} naming the tables' folder (a night: {@code CURRENT}).
 *   Readers follow the pointer; folders no pointer names are removed by the next run. The job renames nothing.</li>
 * </ul>
 * {@code auto} picks {@link #POINTER} for the object-store schemes ({@value #OBJECT_STORE_SCHEMES_DOC}).
 */
public enum PublishMode {
  RENAME, POINTER;

  static final String OBJECT_STORE_SCHEMES_DOC = "s3a, s3, s3n, gs, abfs, abfss, wasb, wasbs, oss, cosn";
  private static final Set<String> OBJECT_STORES = Set.of("s3a", "s3", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs",
      "oss", "cosn");

  /** The mode of {@code setting} for an output at {@code path}. */
  public static PublishMode of(String setting, String path) {
    switch (setting.toLowerCase(Locale.ROOT)) {
      case "rename":
        return RENAME;
      case "pointer":
        return POINTER;
      case "auto":
        String scheme = new org.apache.hadoop.fs.Path(path).toUri().getScheme();
        return scheme != null && OBJECT_STORES.contains(scheme.toLowerCase(Locale.ROOT)) ? POINTER : RENAME;
      default:
        throw new IllegalArgumentException("defections.publish.mode = '" + setting
            + "': must be auto, rename or pointer");
    }
  }
}

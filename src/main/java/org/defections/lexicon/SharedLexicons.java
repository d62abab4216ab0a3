package org.defections.lexicon;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.spark.SparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The job's lexicons shared with the executors: broadcast once as Java-serialized bytes, so that whatever serializer
 * the cluster configures (Java or Kryo) carries them, and read back once per executor JVM, where the engines built
 * from them ({@link Lexicons#derived}) are shared by all tasks. Serializable: tasks capture it.
 */
public final class SharedLexicons implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The lexicons of the last broadcast read in this JVM, by broadcast id (one run at a time per executor). */
  private static final Object LOCK = new Object();
  private static long cachedId = -1;
  private static Lexicons cached;

  private final Broadcast<byte[]> bytes;

  private SharedLexicons(Broadcast<byte[]> bytes) {
    this.bytes = bytes;
  }

  public static SharedLexicons broadcast(SparkContext sc, Lexicons lexicons) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(out)) {
      o.writeObject(lexicons);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize the lexicons for the executors", e);
    }
    return new SharedLexicons(sc.broadcast(out.toByteArray(), scala.reflect.ClassTag$.MODULE$.apply(byte[].class)));
  }

  /** The lexicons, read from the broadcast on first use in this JVM. */
  public Lexicons value() {
    synchronized (LOCK) {
      if (cachedId != bytes.id()) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.value()))) {
          cached = (Lexicons) in.readObject();
          cachedId = bytes.id();
        } catch (IOException | ClassNotFoundException e) {
          throw new IllegalStateException("cannot read the broadcast lexicons", e);
        }
      }
      return cached;
    }
  }

  /** Frees the broadcast on the executors (the run is over). */
  public void destroy() {
    bytes.destroy();
  }
}

package org.defections.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Compression by file extension, decoded in pure Java (no native library): {@code .gz} (concatenated members too),
 * {@code .bz2}, {@code .zst}, {@code .deflate}; {@code .lz4} and {@code .snappy} as Hadoop writes them; and UTF-16 files told by their byte-order mark. A damaged
 * stream throws an {@link IOException} when its damage is read.
 */
final class Codecs {
  private Codecs() {}

  /** The codec of a file by its name's extension, or null for none. */
  static String of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (String c : new String[] {"gz", "bz2", "zst", "deflate", "lz4", "snappy"}) {
      if (n.endsWith("." + c)) {
        return c;
      }
    }
    return null;
  }

  /** Whether a name ends with a compression extension (such files are never split). */
  static boolean compressed(String name) {
    return of(name) != null;
  }

  static InputStream decoded(String codec, InputStream in) throws IOException {
    if (codec == null) {
      return in;
    }
    return switch (codec) {
      case "gz" -> new java.util.zip.GZIPInputStream(in, 1 << 16);
      case "bz2" -> new org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream(in, true);
      case "zst" -> new com.github.luben.zstd.ZstdInputStreamNoFinalizer(in);
      case "deflate" -> new java.util.zip.InflaterInputStream(in);
      case "lz4" -> hadoop(new org.apache.hadoop.io.compress.Lz4Codec(), in);
      case "snappy" -> hadoop(new org.apache.hadoop.io.compress.SnappyCodec(), in);
      default -> throw new IllegalArgumentException("unknown codec " + codec);
    };
  }

  private static <C extends org.apache.hadoop.io.compress.CompressionCodec & org.apache.hadoop.conf.Configurable>
      InputStream hadoop(C codec, InputStream in) throws IOException {
    codec.setConf(new org.apache.hadoop.conf.Configuration(false));
    return codec.createInputStream(in);
  }

  /**
   * The stream as UTF-8 when it opens with a UTF-16 byte-order mark (LE or BE; malformed UTF-16 becomes U+FFFD, a
   * visible mark), else the stream itself, unread.
   */
  static InputStream utf16AsUtf8(InputStream in) throws IOException {
    BufferedInputStream b = in instanceof BufferedInputStream bi ? bi : new BufferedInputStream(in, 1 << 16);
    b.mark(2);
    int b0 = b.read();
    int b1 = b.read();
    b.reset();
    Charset cs = b0 == 0xFF && b1 == 0xFE ? StandardCharsets.UTF_16LE
        : b0 == 0xFE && b1 == 0xFF ? StandardCharsets.UTF_16BE : null;
    if (cs == null) {
      return b;
    }
    b.skip(2);
    java.io.Reader reader = new java.io.InputStreamReader(b, cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    return org.apache.commons.io.input.ReaderInputStream.builder().setReader(reader)
        .setCharset(StandardCharsets.UTF_8).get();
  }

  /** UTF-16 text of a whole file with a byte-order mark, or null when it has none. */
  static String utf16Text(byte[] content) {
    if (content.length < 2) {
      return null;
    }
    int b0 = content[0] & 0xff;
    int b1 = content[1] & 0xff;
    Charset cs = b0 == 0xFF && b1 == 0xFE ? StandardCharsets.UTF_16LE
        : b0 == 0xFE && b1 == 0xFF ? StandardCharsets.UTF_16BE : null;
    return cs == null ? null : new String(content, 2, content.length - 2, cs);
  }
}

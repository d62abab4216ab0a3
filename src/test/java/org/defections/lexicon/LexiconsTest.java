package org.defections.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LexiconsTest {
  private final Lexicons lx = Lexicons.bundled();

  @Test
  void numberWordsAndHyphenatedCompounds() {
    assertEquals(7, lx.number("Seven"));
    assertEquals(71, lx.number("Seventy-one"));
    assertEquals(29, lx.number("twenty-nine"));
    assertNull(lx.number("seven-seventy")); // not tens then units
    assertNull(lx.number("one-twenty"));
    assertNull(lx.number("well-known"));
  }

  @Test
  void derivedStructuresAreBuiltOncePerInstanceAndNotSerialized() throws Exception {
    AtomicInteger builds = new AtomicInteger();
    Lexicons own = Lexicons.bundled();
    StringBuilder first = own.derived("k", StringBuilder.class, l -> {
      builds.incrementAndGet();
      return new StringBuilder("built");
    });
    assertSame(first, own.derived("k", StringBuilder.class, l -> new StringBuilder("again")));
    assertEquals(1, builds.get());
    // a deserialized copy (what an executor gets from a broadcast) builds its own
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(own);
    }
    Lexicons copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Lexicons) in.readObject();
    }
    StringBuilder other = copy.derived("k", StringBuilder.class, l -> new StringBuilder("copy"));
    assertNotSame(first, other);
    assertEquals("copy", other.toString());
  }
}

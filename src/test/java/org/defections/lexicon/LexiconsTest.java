package org.defections.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}

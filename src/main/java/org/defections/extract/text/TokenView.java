package org.defections.extract.text;

/**
 * One token of a passage: its text, lookup key (lower case, straight apostrophes), base (the text without a
 * possessive "'s"), sentence index and character offsets [begin, end) in the passage.
 */
public record TokenView(int index, String text, String key, String base, int sentence, int begin, int end) {}

package org.defections.extract.pattern;

/** A pattern or rule file that cannot be read: the message names the place and what is wrong. */
public final class PatternException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PatternException(String message) {
    super(message);
  }
}

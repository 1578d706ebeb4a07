package io.tidings.feed;

/** A query parameter that cannot be used; the message names it and what is allowed. */
public final class BadQueryException extends Exception {
  public BadQueryException(String message) {
    super(message, null, false, false);
  }
}

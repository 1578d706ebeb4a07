package io.tidings.catalog;

import io.tidings.article.ParseError;

/**
 * A file that does not parse. {@code stale} says that its last good version is still served.
 */
public record FileProblem(ParseError error, boolean stale) {}

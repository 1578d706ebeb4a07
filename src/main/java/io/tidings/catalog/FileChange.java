package io.tidings.catalog;

import io.tidings.article.Parsed;

/**
 * What one file is now: parsed as an article, failed to parse, or gone ({@link Parsed#missing()}).
 *
 * @param file path relative to the content directory, with {@code /} separators
 */
public record FileChange(String file, Parsed parsed) {}

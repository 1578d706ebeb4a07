package io.tidings.catalog;

import java.util.List;

/** Several files that carry one identity: {@code winner} is served, {@code others} are not. */
public record Duplicate(String id, String winner, List<String> others) {}

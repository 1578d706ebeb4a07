package io.tidings.article;

import java.time.Instant;
import java.util.List;

/** Another outlet's coverage of the same story. Only {@code title} and {@code webUrl} are sure to be set. */
public record Related(
    String title,
    String excerpt,
    Instant publishedAt,
    String webUrl,
    String ampWebUrl,
    String cdnAmpWebUrl,
    String type,
    Provider provider,
    Integer quality,
    List<Image> images) {}

package io.tidings.article;

/** A picture of an article; width and height are null when the file does not give them. */
public record Image(String url, Integer width, Integer height, Boolean cached) {}

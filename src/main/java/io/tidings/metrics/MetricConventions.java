package io.tidings.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The filters that make {@code /metrics} answer latency questions and follow Prometheus'
 * conventions: the latency timers are histograms with buckets that fit this server
 * (half a millisecond to five seconds), HTTP latency is labelled by status class (2xx, 3xx,
 * 4xx, 5xx) rather than by code, and no meter is exported in a unit other than the base one
 * (a binder's {@code ms} or {@code ns} counter would read {@code _ms_total}).
 */
final class MetricConventions {
  /** The latency timers exported as histograms. */
  static final Set<String> HISTOGRAMS = Set.of(
      "vertx.http.server.response.time", "tidings.snapshot.build", "tidings.feed.render");

  /** Bucket bounds, in seconds. */
  static final double[] BUCKETS =
      {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

  private MetricConventions() {}

  /** Explicit buckets for the {@link #HISTOGRAMS}, and no client-side percentiles. */
  static MeterFilter buckets() {
    double[] nanos = new double[BUCKETS.length];
    for (int i = 0; i < BUCKETS.length; i++) {
      nanos[i] = BUCKETS[i] * 1e9;
    }
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id,
          DistributionStatisticConfig config) {
        if (!HISTOGRAMS.contains(id.getName())) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(nanos)
            .minimumExpectedValue(nanos[0])
            .maximumExpectedValue((double) Duration.ofSeconds(5).toNanos())
            .build()
            .merge(config);
      }
    };
  }

  /**
   * HTTP latency by status class: the response-time histogram's {@code code} label (200,
   * 304, 404 ...) becomes {@code status} (2xx, 3xx, 4xx ...), so that the bucket series stay
   * few; the request counter keeps the exact code.
   */
  static MeterFilter statusClass() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (!id.getName().equals("vertx.http.server.response.time")) {
          return id;
        }
        List<Tag> tags = new ArrayList<>();
        for (Tag t : id.getTagsAsIterable()) {
          tags.add(t.getKey().equals("code") ? Tag.of("status", statusClass(t.getValue())) : t);
        }
        return id.replaceTags(tags);
      }
    };
  }

  static String statusClass(String code) {
    return code.length() == 3 && Character.isDigit(code.charAt(0))
        ? code.charAt(0) + "xx" : "other";
  }

  /**
   * Meters in milliseconds or nanoseconds (Micrometer's JVM compilation time, process CPU
   * time) are not exported; {@link ProcessMetrics} registers them again in seconds.
   */
  static MeterFilter baseUnitsOnly() {
    return MeterFilter.deny(id -> {
      String unit = id.getBaseUnit();
      return unit != null && (unit.equals("ms") || unit.equals("ns")
          || unit.equals("milliseconds") || unit.equals("nanoseconds"));
    });
  }
}

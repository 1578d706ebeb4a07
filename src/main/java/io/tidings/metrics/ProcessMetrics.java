package io.tidings.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The conventional process and build series, under their Prometheus names:
 * {@code process_resident_memory_bytes}, {@code process_open_fds} (read from
 * {@code /proc/self}; absent elsewhere), {@code process_cpu_seconds_total},
 * {@code jvm_compilation_time_seconds_total} and {@code tidings_build_info{version}} 1. Each
 * reads a few bytes of an in-memory file or an MX bean on a scrape.
 */
final class ProcessMetrics {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path FDS = Path.of("/proc/self/fd");

  private ProcessMetrics() {}

  static void bind(MeterRegistry registry) {
    String version = ServerMetrics.class.getPackage().getImplementationVersion();
    Gauge.builder("tidings.build.info", () -> 1)
        .description("1, labelled with the version of this build (\"dev\" outside the jar)")
        .tag("version", version == null ? "dev" : version)
        .register(registry);
    if (Files.isReadable(STATUS)) {
      Gauge.builder("process.resident.memory", ProcessMetrics::residentBytes)
          .description("Resident memory size of this process")
          .baseUnit("bytes")
          .register(registry);
    }
    if (Files.isDirectory(FDS)) {
      Gauge.builder("process.open.fds", ProcessMetrics::openFds)
          .description("Open file descriptors of this process")
          .register(registry);
    }
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun
        && sun.getProcessCpuTime() >= 0) {
      FunctionCounter.builder("process.cpu", sun, b -> b.getProcessCpuTime() / 1e9)
          .description("CPU time used by this process")
          .baseUnit("seconds")
          .register(registry);
    }
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit != null && jit.isCompilationTimeMonitoringSupported()) {
      FunctionCounter.builder("jvm.compilation.time", jit,
              b -> b.getTotalCompilationTime() / 1e3)
          .description("Time spent in JIT compilation")
          .baseUnit("seconds")
          .register(registry);
    }
  }

  /** VmRSS from /proc/self/status (in kB there); NaN if it cannot be read. */
  static double residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** Entries of /proc/self/fd; NaN if it cannot be listed. */
  static double openFds() {
    try (Stream<Path> fds = Files.list(FDS)) {
      return fds.count();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}

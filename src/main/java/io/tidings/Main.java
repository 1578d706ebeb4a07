package io.tidings;

import io.tidings.config.Config;
import io.tidings.config.ConfigException;
import io.tidings.config.ConfigLoader;
import io.tidings.config.Shown;
import io.tidings.metrics.ServerMetrics;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** {@code java -jar tidings.jar [--config FILE] [--content DIR] [--port N] [check DIR]}. */
public final class Main {
  private static final String USAGE = """
      Usage: java -jar tidings.jar [options]
             java -jar tidings.jar [--config FILE] check [--strict] DIR

      Serves the article files of a directory as RSS, Atom and JSON Feed. With check, reads
      DIR as the server would, prints every error as FILE:LINE:COLUMN: REASON and a summary,
      and exits 0 when there is none, 1 when there are errors (see check --help).

      Options:
        --config FILE   configuration file (default: conf/config.yaml when it exists)
        --content DIR   content directory (content.dir)
        --port N        HTTP port (http.port)
        --help          print this help and exit
        --version       print the version and exit

      Logging (environment only):
        TIDINGS_LOG_FORMAT   human (default): one readable line per event; json: one JSON
                             object per line, for container log collectors
        TIDINGS_LOG_LEVEL    INFO (default), DEBUG, WARN, ERROR

      Settings (config file key, environment variable, default):
      """;

  private static final List<String> LOG_LEVELS =
      List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    String logFormat = System.getenv().getOrDefault("TIDINGS_LOG_FORMAT", "").strip()
        .toLowerCase(java.util.Locale.ROOT);
    if (!List.of("", "human", "json").contains(logFormat)) {
      System.err.println("tidings: TIDINGS_LOG_FORMAT must be human or json, got "
          + Shown.quoted(System.getenv("TIDINGS_LOG_FORMAT")));
      return 2;
    }
    // logback reads it; a level it does not know would silently turn into DEBUG
    String logLevel = System.getenv().getOrDefault("TIDINGS_LOG_LEVEL", "INFO").strip()
        .toUpperCase(java.util.Locale.ROOT);
    if (!LOG_LEVELS.contains(logLevel)) {
      System.err.println("tidings: TIDINGS_LOG_LEVEL must be one of "
          + String.join(", ", LOG_LEVELS) + ", got "
          + Shown.quoted(System.getenv("TIDINGS_LOG_LEVEL")));
      return 2;
    }
    // Read by logback.xml to pick the appender; set before the first logger is made.
    System.setProperty("tidings.log.format", logFormat.isEmpty() ? "human" : logFormat);
    Path configFile = null;
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> {
          System.out.print(USAGE + ConfigLoader.describe());
          return 0;
        }
        case "--version" -> {
          System.out.println("tidings " + version());
          return 0;
        }
        case "check" -> {
          String[] rest = Arrays.copyOfRange(args, i + 1, args.length);
          return CheckCommand.run(configFile, flags, rest);
        }
        case "--config", "--content", "--port" -> {
          if (i + 1 >= args.length || args[i + 1].isBlank()) {
            System.err.println("tidings: " + arg + " needs a value; see --help");
            return 2;
          }
          String value = args[++i];
          switch (arg) {
            case "--config" -> configFile = Path.of(value);
            case "--content" -> flags.put("content.dir", value);
            default -> flags.put("http.port", value);
          }
        }
        default -> {
          System.err.println("tidings: unknown option " + Shown.plain(arg) + "; see --help");
          return 2;
        }
      }
    }
    configFile = ConfigLoader.fileToRead(configFile, ConfigLoader.DEFAULT_FILE);
    Logger log = LoggerFactory.getLogger(Main.class);
    ConfigLoader.unknownVariables(System.getenv()).forEach(log::warn);
    Config config;
    try {
      config = ConfigLoader.load(configFile, System.getenv(), flags);
    } catch (ConfigException e) {
      System.err.println("tidings: invalid configuration: " + e.getMessage());
      return 2;
    }
    Path dir = config.content().dir().toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      System.err.println("tidings: content directory " + Shown.plain(dir.toString())
          + " does not exist or is not a"
          + " directory (set content.dir, TIDINGS_CONTENT_DIR or --content)");
      return 2;
    }
    return serve(config);
  }

  /**
   * Runs until SIGTERM or SIGINT, then stops gracefully and returns 0. The signals are handled
   * here rather than in a shutdown hook: a JVM that exits because of a signal exits with 143,
   * and orchestrators read anything but 0 as a failure.
   */
  private static int serve(Config config) {
    Logger log = LoggerFactory.getLogger(Main.class);
    CompletableFuture<String> stopSignal = new CompletableFuture<>();
    for (String name : List.of("TERM", "INT")) {
      Signal.handle(new Signal(name), s -> stopSignal.complete("SIG" + s.getName()));
    }
    ServerMetrics metrics = new ServerMetrics();
    Vertx vertx = metrics.newVertx();
    try {
      vertx.deployVerticle(new TidingsVerticle(config, metrics))
          .toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      log.error("could not start: {}", cause.getMessage());
      vertx.close();
      return 1;
    }
    log.info("ready");
    String signal = stopSignal.join();
    Duration grace = config.http().shutdownGrace();
    log.info("{}: stopping; requests in flight have {} ms to finish", signal, grace.toMillis());
    try {
      // close() undeploys the verticles: the HTTP servers drain first, then the watcher stops.
      vertx.close().toCompletionStage().toCompletableFuture()
          .get(grace.toMillis() + 10_000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.error("did not stop cleanly: {}", e.toString());
      return 1;
    }
    log.info("stopped");
    return 0;
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}

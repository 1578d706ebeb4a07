package io.tidings;

import io.tidings.config.Config;
import io.tidings.config.ConfigException;
import io.tidings.config.ConfigLoader;
import io.tidings.config.Shown;
import io.tidings.metrics.ServerMetrics;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code java -jar tidings.jar [--config FILE] [--content DIR] [--port N]}: reads the
 * configuration and serves, or runs {@code check} ({@link CheckCommand}). The command line is
 * read by picocli ({@link Usage}); the configuration by {@link ConfigLoader}.
 */
@Command(name = "tidings", subcommands = CheckCommand.class, versionProvider = Usage.Version.class,
    usageHelpWidth = 100, sortOptions = false,
    customSynopsis = {
        "java -jar tidings.jar [--config FILE] [--content DIR] [--port N] [--help] [--version]",
        "       java -jar tidings.jar [--config FILE] check [--strict] [--verbose] DIR"},
    descriptionHeading = "%n",
    description = {
        "Serves the article files of a directory as RSS, Atom and JSON Feed. With check, reads",
        "DIR as the server would, prints every error as FILE:LINE:COLUMN: REASON, every slip as",
        "FILE:LINE: warning: REASON, and a summary, and exits 0 when there is no error, 1 when",
        "there are errors (or warnings, with --strict; see check --help)."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nLogging (environment only):%n",
    footer = {
        "  TIDINGS_LOG_FORMAT   human (default): one readable line per event; json: one JSON",
        "                       object per line, for container log collectors",
        "  TIDINGS_LOG_LEVEL    INFO (default), DEBUG, WARN, ERROR"})
public final class Main implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", converter = Usage.Given.class,
      description = "configuration file (default: conf/config.yaml when it exists)")
  String configFile;

  @Option(names = "--content", paramLabel = "DIR", converter = Usage.Given.class,
      description = "content directory (content.dir)")
  private String content;

  @Option(names = "--port", paramLabel = "N", converter = Usage.Given.class,
      description = "HTTP port (http.port)")
  private String port;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
  private boolean help;

  @Option(names = "--version", versionHelp = true, description = "print the version and exit")
  private boolean version;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    // before the first logger is made: logback reads what this sets
    Optional<String> logError = LogSettings.apply(System.getenv());
    if (logError.isPresent()) {
      System.err.println(logError.get());
      return 2;
    }
    return Usage.of(new Main()).execute(args);
  }

  @Override
  public Integer call() {
    Logger log = LoggerFactory.getLogger(Main.class);
    ConfigLoader.unknownVariables(System.getenv()).forEach(log::warn);
    Config config;
    try {
      config = config(configFile, Map.of());
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
   * The configuration from the file, the environment and this command's flags.
   *
   * @param file the {@code --config} given, or null for conf/config.yaml when it exists
   * @param settings dotted keys that win over the flags (a subcommand's)
   */
  Config config(String file, Map<String, String> settings) throws ConfigException {
    Map<String, String> flags = new LinkedHashMap<>();
    if (content != null) {
      flags.put("content.dir", content);
    }
    if (port != null) {
      flags.put("http.port", port);
    }
    flags.putAll(settings);
    Path toRead = ConfigLoader.fileToRead(file == null ? null : Path.of(file),
        ConfigLoader.DEFAULT_FILE);
    return ConfigLoader.load(toRead, System.getenv(), flags);
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
    ServerMetrics metrics = new ServerMetrics(config.metrics().httpHistograms());
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
}

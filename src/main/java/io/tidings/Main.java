package io.tidings;

import io.tidings.config.Config;
import io.tidings.config.ConfigException;
import io.tidings.config.ConfigLoader;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

      Settings (config file key, environment variable, default):
      """;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
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
          if (i + 1 >= args.length) {
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
          System.err.println("tidings: unknown option " + arg + "; see --help");
          return 2;
        }
      }
    }
    if (configFile == null && Files.isRegularFile(Path.of("conf/config.yaml"))) {
      configFile = Path.of("conf/config.yaml");
    }
    Config config;
    try {
      config = ConfigLoader.load(configFile, System.getenv(), flags);
    } catch (ConfigException e) {
      System.err.println("tidings: invalid configuration: " + e.getMessage());
      return 2;
    }
    Path dir = config.content().dir().toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      System.err.println("tidings: content directory " + dir + " does not exist or is not a"
          + " directory (set content.dir, TIDINGS_CONTENT_DIR or --content)");
      return 2;
    }
    return serve(config);
  }

  private static int serve(Config config) {
    Logger log = LoggerFactory.getLogger(Main.class);
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get();
      } catch (Exception e) {
        log.warn("shutdown: {}", e.toString());
      }
    }, "tidings-shutdown"));
    try {
      vertx.deployVerticle(new TidingsVerticle(config))
          .toCompletionStage().toCompletableFuture().get();
      log.info("ready");
      return awaitForever();
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      log.error("could not start: {}", cause.getMessage());
      vertx.close();
      return 1;
    }
  }

  private static int awaitForever() throws InterruptedException {
    Thread.currentThread().join();
    return 0;
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}

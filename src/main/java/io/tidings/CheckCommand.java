package io.tidings;

import io.tidings.article.ParseError;
import io.tidings.article.Printable;
import io.tidings.catalog.Duplicate;
import io.tidings.catalog.FileProblem;
import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import io.tidings.config.ConfigException;
import io.tidings.config.ConfigLoader;
import io.tidings.config.Shown;
import io.tidings.ingest.ContentScan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tidings check DIR}: the content checker for authors' CI. It reads DIR as the server
 * would ({@link ContentScan}) and prints one line per problem, then a summary. It never starts
 * Vert.x or binds a port.
 */
final class CheckCommand {
  static final String USAGE = """
      Usage: java -jar tidings.jar [--config FILE] check [--strict] DIR

      Reads the article files of DIR exactly as the server does (the same files, parser and
      duplicate and draft rules) and prints every file the server would refuse as

        FILE:LINE:COLUMN: REASON

      (LINE and COLUMN left out when the problem is the whole file), then one warning line per
      file that another file with the same identity overrides, then a summary:

        DIR: 36 files, 34 articles, 0 scheduled, 2 drafts, 0 errors, 0 duplicates

      Drafts (published: false) are counted, not reported; so are articles dated in the
      future, which the server holds back until their time (scheduled, with
      content.hideFuture). The configuration is read as the
      server reads it (--config, TIDINGS_* variables, conf/config.yaml when it exists):
      content.extensions, content.maxFileSize, content.includeUnpublished and
      content.hideFuture apply.

      Options:
        --config FILE   configuration file
        --strict        count duplicate identities as errors
        --help          print this help and exit

      Exit status: 0 no errors (drafts and duplicates are no errors), 1 errors (or duplicates
      with --strict), 2 usage errors (no DIR, DIR not a directory, a bad option or setting).
      """;

  private final PrintStream out;
  private final PrintStream err;

  private CheckCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * @param configFile a {@code --config} given before {@code check}, or null
   * @param flags settings given as flags before {@code check}
   * @param args what follows {@code check}
   */
  static int run(Path configFile, Map<String, String> flags, String[] args) {
    return new CheckCommand(System.out, System.err).check(configFile, flags, args);
  }

  private int check(Path configFile, Map<String, String> flags, String[] args) {
    boolean strict = false;
    String dirArg = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> {
          out.print(USAGE);
          return 0;
        }
        case "--strict" -> strict = true;
        case "--config" -> {
          if (i + 1 >= args.length || args[i + 1].isBlank()) {
            return usage("--config needs a value");
          }
          configFile = Path.of(args[++i]);
        }
        default -> {
          if (arg.startsWith("-") && !arg.equals("-")) {
            return usage("unknown option " + Shown.plain(arg));
          }
          if (dirArg != null) {
            return usage("one DIR only, got " + Shown.plain(dirArg) + " and " + Shown.plain(arg));
          }
          dirArg = arg;
        }
      }
    }
    if (dirArg == null) {
      return usage("DIR is missing");
    }
    Path dir = Path.of(dirArg);
    if (!Files.isDirectory(dir)) {
      err.println("tidings check: " + Shown.plain(dirArg) + " does not exist or is not a directory");
      return 2;
    }
    configFile = ConfigLoader.fileToRead(configFile, ConfigLoader.DEFAULT_FILE);
    ConfigLoader.unknownVariables(System.getenv())
        .forEach(w -> err.println("tidings check: warning: " + w));
    Map<String, String> settings = new LinkedHashMap<>(flags);
    settings.put("content.dir", dir.toString());
    Config config;
    try {
      config = ConfigLoader.load(configFile, System.getenv(), settings);
    } catch (ConfigException e) {
      err.println("tidings check: invalid configuration: " + e.getMessage());
      return 2;
    }
    ContentScan.Result result;
    try {
      result = ContentScan.run(config.content());
    } catch (IOException e) {
      err.println("tidings check: cannot read " + dirArg + ": " + e);
      return 2;
    }
    return report(dir, result, strict);
  }

  private int report(Path dir, ContentScan.Result result, boolean strict) {
    Snapshot s = result.snapshot();
    for (FileProblem p : s.problems()) {
      ParseError e = p.error();
      // The reason names no secured content and is escaped (ParseError): one line each. Only
      // the file name changes, so that the line points at the file from where check was run.
      out.println(new ParseError(shown(dir, e.file()), e.line(), e.column(), e.reason()));
    }
    int duplicates = 0;
    for (Duplicate d : s.duplicates()) {
      for (String other : d.others()) {
        duplicates++;
        out.println(shown(dir, other) + ": " + (strict ? "" : "warning: ")
            + "same identity as " + shown(dir, d.winner()) + ", which is served instead ("
            + Printable.escape(d.id()) + ")");
      }
    }
    int errors = s.problems().size() + (strict ? duplicates : 0);
    out.println(dir + ": " + count(result.files(), "file") + ", " + count(s.size(), "article")
        + ", " + s.scheduled().count() + " scheduled, " + count(s.hiddenDrafts(), "draft") + ", " + count(errors, "error") + ", "
        + count(duplicates, "duplicate"));
    return errors == 0 ? 0 : 1;
  }

  /** A file as the user would open it: DIR as given, then the path below it. */
  private static String shown(Path dir, String relative) {
    return Printable.escape(dir.resolve(relative).normalize().toString());
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private int usage(String message) {
    err.println("tidings check: " + message + "; usage: tidings check [--strict] DIR"
        + " (see check --help)");
    return 2;
  }
}

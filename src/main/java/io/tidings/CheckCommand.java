package io.tidings;

import io.tidings.article.FileWarning;
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
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tidings check DIR}: the content checker for authors' CI. It reads DIR as the server
 * would ({@link ContentScan}) and prints one line per problem, then a summary. It never starts
 * Vert.x or binds a port.
 */
@Command(name = "check", usageHelpWidth = 100, sortOptions = false,
    customSynopsis = "java -jar tidings.jar [--config FILE] check [--strict] [--verbose] DIR",
    descriptionHeading = "%n",
    description = {
        "Reads the article files of DIR exactly as the server does (the same files, parser and",
        "duplicate and draft rules) and prints every file the server would refuse as",
        "",
        "  FILE:LINE:COLUMN: REASON",
        "",
        "(LINE and COLUMN left out when the problem is the whole file), then one warning line per",
        "file that another file with the same identity overrides, then the author's slips in",
        "files that are served all the same, which the server logs and lists in /status too:",
        "",
        "  FILE:LINE: warning: unknown field qualty: did you mean quality?",
        "",
        "(a misspelt or unknown field, topics written as one string, a topic spelt otherwise",
        "than its established name, an image or related entry that is dropped), then a summary:",
        "",
        "  DIR: 36 files, 34 articles, 0 scheduled, 2 drafts, 0 errors, 0 duplicates",
        "",
        "(with ', 3 warnings' at its end when there are any). Drafts (published: false) are",
        "counted, and named with --verbose; articles dated in the future are counted, which the",
        "server holds back until their time (scheduled, with",
        "content.hideFuture). The configuration is read as the server reads it (--config,",
        "TIDINGS_* variables, conf/config.yaml when it exists): content.extensions,",
        "content.maxFileSize, content.includeUnpublished and content.hideFuture apply."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Exit status: 0 no errors (drafts, duplicates and warnings are no errors), 1 errors (or",
        "duplicates or warnings with --strict), 2 usage errors (no DIR, DIR not a directory, a",
        "bad option or setting)."})
final class CheckCommand implements Callable<Integer> {
  @ParentCommand
  private Main server;

  @Option(names = "--config", paramLabel = "FILE", converter = Usage.Given.class,
      description = "configuration file")
  private String configFile;

  @Option(names = "--strict",
      description = "count duplicate identities and warnings as errors (exit status 1)")
  private boolean strict;

  @Option(names = "--verbose",
      description = "also name each draft's file (published: false), not only count them")
  private boolean verbose;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
  private boolean help;

  /** The directory as given; read by {@link Usage} to name it when a second one follows. */
  @Parameters(paramLabel = "DIR", arity = "1", description = "the content directory to check")
  String dir;

  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  @Override
  public Integer call() {
    Path path = Path.of(dir);
    if (!Files.isDirectory(path)) {
      err.println("tidings check: " + Shown.plain(dir) + " does not exist or is not a directory");
      return 2;
    }
    ConfigLoader.unknownVariables(System.getenv())
        .forEach(w -> err.println("tidings check: warning: " + w));
    Config config;
    try {
      config = server.config(configFile != null ? configFile : server.configFile,
          Map.of("content.dir", path.toString()));
    } catch (ConfigException e) {
      err.println("tidings check: invalid configuration: " + e.getMessage());
      return 2;
    }
    ContentScan.Result result;
    try {
      result = ContentScan.run(config.content());
    } catch (IOException e) {
      err.println("tidings check: cannot read " + dir + ": " + e);
      return 2;
    }
    return report(path, result);
  }

  private int report(Path dir, ContentScan.Result result) {
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
    for (FileWarning w : s.warnings()) {
      // Escaped when made; names fields, never a secured value (FileWarning).
      FileWarning shown = w.in(shown(dir, w.file()));
      out.println(strict ? shown.toString().replaceFirst(": warning: ", ": ") : shown);
    }
    if (verbose) {
      for (String draft : result.drafts()) {
        out.println(shown(dir, draft) + ": draft (published: false), not served");
      }
    }
    int warnings = s.warnings().size();
    int errors = s.problems().size() + (strict ? duplicates + warnings : 0);
    out.println(dir + ": " + count(result.files(), "file") + ", " + count(s.size(), "article")
        + ", " + s.scheduled().count() + " scheduled, " + count(s.hiddenDrafts(), "draft") + ", "
        + count(errors, "error") + ", " + count(duplicates, "duplicate")
        + (warnings == 0 ? "" : ", " + count(warnings, "warning")));
    return errors == 0 ? 0 : 1;
  }

  /** A file as the user would open it: DIR as given, then the path below it. */
  private static String shown(Path dir, String relative) {
    return Printable.escape(dir.resolve(relative).normalize().toString());
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

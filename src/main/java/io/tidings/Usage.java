package io.tidings;

import io.tidings.config.ConfigLoader;
import io.tidings.config.Shown;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line as picocli reads it, set up to read it as documented (README,
 * "Configuration"): the last of a repeated option wins, an {@code @FILE} argument is a name
 * like any other. Every mistake is one line on stderr that says what is wrong, and exit
 * status 2; {@code --help} ends with every setting (key, variable, default) from the table of
 * keys.
 */
final class Usage {
  private static final String SETTINGS = "settings";

  private Usage() {}

  static CommandLine of(Main server) {
    CommandLine line = new CommandLine(server)
        .setExpandAtFiles(false)
        .setOverwrittenOptionsAllowed(true)
        .setParameterExceptionHandler(Usage::mistake)
        .setOut(new PrintWriter(System.out, true))
        .setErr(new PrintWriter(System.err, true));
    line.getHelpSectionMap().put(SETTINGS, help -> String.format(
        "%nSettings (config file key, environment variable, default):%n")
        + ConfigLoader.describe());
    List<String> sections = new ArrayList<>(line.getHelpSectionKeys());
    // the description says what check does; its first line alone would say less
    sections.removeAll(List.of(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
        UsageMessageSpec.SECTION_KEY_COMMAND_LIST));
    sections.add(SETTINGS);
    line.setHelpSectionKeys(sections);
    return line;
  }

  /** What picocli found wrong, as one line in our words. */
  private static int mistake(ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    if (line.getCommand() instanceof CheckCommand check) {
      err.println("tidings check: " + reason(e, check) + "; usage: tidings check [--strict] [--verbose] DIR"
          + " (see check --help)");
    } else {
      err.println("tidings: " + reason(e, null) + "; see --help");
    }
    err.flush();
    return 2;
  }

  private static String reason(ParameterException e, CheckCommand check) {
    if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
      ArgSpec spec = missing.getMissing().get(0);
      return spec instanceof OptionSpec option ? option.longestName() + " needs a value"
          : spec.paramLabel() + " is missing";
    }
    if (e.getCause() instanceof TypeConversionException bad
        && e.getArgSpec() instanceof OptionSpec option) {
      return option.longestName() + " " + bad.getMessage();
    }
    if (e instanceof UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      String arg = unmatched.getUnmatched().get(0);
      if (check != null && check.dir != null && !(arg.startsWith("-") && !arg.equals("-"))) {
        return "one DIR only, got " + Shown.plain(check.dir) + " and " + Shown.plain(arg);
      }
      return "unknown option " + Shown.plain(arg);
    }
    return Shown.plain(String.valueOf(e.getMessage()));
  }

  /** An option's value, refused when blank: {@code --config ""} is a missing value. */
  static final class Given implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isBlank()) {
        throw new TypeConversionException("needs a value");
      }
      return value;
    }
  }

  /** {@code tidings VERSION}, the version from the jar's manifest ("dev" without one). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"tidings " + (v == null ? "dev" : v)};
    }
  }
}

package io.tidings.container;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's Dockerfile, read the way Docker reads it (comments, line continuations, exec
 * form as JSON), so that tests check and run what the file says rather than a copy of it.
 */
final class Dockerfile {
  /** One instruction: {@code keyword} upper-cased, {@code args} with continuations joined. */
  record Instruction(String keyword, String args, int line) {}

  record Copy(String from, List<String> sources, String destination) {}

  record Healthcheck(Map<String, String> options, List<String> command) {}

  record Stage(String image, String name, List<Instruction> instructions) {
    List<Instruction> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The last one, as Docker uses the last ENTRYPOINT, HEALTHCHECK, USER or WORKDIR. */
    Instruction last(String keyword) {
      List<Instruction> found = all(keyword);
      if (found.isEmpty()) {
        throw new AssertionError("the stage FROM " + image + " has no " + keyword);
      }
      return found.get(found.size() - 1);
    }

    int indexOf(Instruction i) {
      return instructions.indexOf(i);
    }

    /** Every ENV of the stage, in order; later ones win. */
    Map<String, String> env() {
      Map<String, String> env = new LinkedHashMap<>();
      for (Instruction i : all("ENV")) {
        String[] words = i.args().trim().split("\\s+");
        if (!words[0].contains("=")) { // the legacy form ENV KEY VALUE
          env.put(words[0], i.args().trim().substring(words[0].length()).trim());
          continue;
        }
        for (String word : words) {
          int eq = word.indexOf('=');
          env.put(word.substring(0, eq), unquote(word.substring(eq + 1)));
        }
      }
      return env;
    }

    List<Copy> copies() {
      List<Copy> out = new ArrayList<>();
      for (Instruction i : all("COPY")) {
        List<String> words = new ArrayList<>(List.of(i.args().trim().split("\\s+")));
        String from = null;
        while (words.get(0).startsWith("--")) {
          String flag = words.remove(0);
          if (flag.startsWith("--from=")) {
            from = flag.substring("--from=".length());
          }
        }
        String destination = words.remove(words.size() - 1);
        out.add(new Copy(from, List.copyOf(words), destination));
      }
      return out;
    }

    List<String> entrypoint() {
      return execForm(last("ENTRYPOINT"));
    }

    Healthcheck healthcheck() {
      String args = last("HEALTHCHECK").args().trim();
      Map<String, String> options = new LinkedHashMap<>();
      while (args.startsWith("--")) {
        int space = args.indexOf(' ');
        String option = args.substring(2, space);
        int eq = option.indexOf('=');
        options.put(option.substring(0, eq), option.substring(eq + 1));
        args = args.substring(space).trim();
      }
      if (!args.startsWith("CMD ")) {
        throw new AssertionError("HEALTHCHECK without CMD: " + args);
      }
      Instruction cmd = new Instruction("CMD", args.substring(4), 0);
      return new Healthcheck(options, execForm(cmd));
    }
  }

  private final List<Stage> stages;

  private Dockerfile(List<Stage> stages) {
    this.stages = stages;
  }

  List<Stage> stages() {
    return stages;
  }

  Stage last() {
    return stages.get(stages.size() - 1);
  }

  Stage stage(String name) {
    return stages.stream().filter(s -> name.equals(s.name())).findFirst()
        .orElseThrow(() -> new AssertionError("no stage named " + name));
  }

  static Dockerfile read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Stage> stages = new ArrayList<>();
    List<Instruction> current = null;
    StringBuilder pending = null;
    int start = 0;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending == null)) {
        continue; // comments are dropped even inside a continued instruction, as Docker does
      }
      if (pending == null) {
        pending = new StringBuilder();
        start = n + 1;
      }
      boolean continued = trimmed.endsWith("\\");
      pending.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
      if (continued) {
        continue;
      }
      String text = pending.toString().trim();
      pending = null;
      int space = text.indexOf(' ');
      String keyword = text.substring(0, space).toUpperCase(java.util.Locale.ROOT);
      String args = text.substring(space + 1).trim();
      if (keyword.equals("FROM")) {
        String[] words = args.split("\\s+");
        current = new ArrayList<>();
        String name = words.length == 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null;
        stages.add(new Stage(words[0], name, current));
      } else if (current == null) {
        throw new AssertionError("line " + start + ": " + keyword + " before any FROM");
      } else {
        current.add(new Instruction(keyword, args, start));
      }
    }
    return new Dockerfile(List.copyOf(stages));
  }

  /** The JSON array of an exec-form instruction; shell form is a failure. */
  static List<String> execForm(Instruction i) {
    String args = i.args().trim();
    if (!args.startsWith("[")) {
      throw new AssertionError(i.keyword() + " on line " + i.line() + " is in shell form: "
          + "a shell would be PID 1 and keep SIGTERM from the JVM: " + args);
    }
    try {
      return new ObjectMapper().readValue(args, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new AssertionError(i.keyword() + " on line " + i.line() + " is not a JSON array of"
          + " strings: " + args, e);
    }
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1) : s;
  }
}

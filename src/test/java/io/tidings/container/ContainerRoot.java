package io.tidings.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run stage of the Dockerfile laid out under a folder instead of in an image: its WORKDIR,
 * VOLUME and COPY destinations made below {@code root}, the build stage's output taken from this
 * project's build. Commands of the image (ENTRYPOINT, HEALTHCHECK) then run here as they would
 * there: argument by argument, with the image's environment and nothing of the caller's.
 */
final class ContainerRoot {
  private final Path root;
  private final Path project;
  private final Dockerfile docker;
  private final Dockerfile.Stage stage;

  /**
   * @param project the build context (this project's folder), where {@code mvn package} has
   *     made the jar that the build stage would make
   */
  ContainerRoot(Path root, Path project, Dockerfile docker) throws IOException {
    this.root = root;
    this.project = project;
    this.docker = docker;
    this.stage = docker.last();
    for (Dockerfile.Instruction i : stage.all("WORKDIR")) {
      Files.createDirectories(inside(i.args().trim()));
    }
    for (Dockerfile.Instruction i : stage.all("VOLUME")) {
      Files.createDirectories(inside(i.args().trim().replaceAll("[\\[\\]\"]", "")));
    }
    for (Dockerfile.Copy copy : stage.copies()) {
      for (String source : copy.sources()) {
        lay(copy, source);
      }
    }
  }

  private void lay(Dockerfile.Copy copy, String source) throws IOException {
    Path from;
    if (copy.from() == null) {
      from = project.resolve(source);
    } else {
      // The build stage works in its WORKDIR on a copy of this project: /build/target/x is
      // this project's target/x.
      String workdir = docker.stage(copy.from()).last("WORKDIR").args().trim();
      if (!source.startsWith(workdir + "/")) {
        throw new AssertionError("COPY --from=" + copy.from() + " " + source
            + " is outside the build stage's WORKDIR " + workdir);
      }
      from = project.resolve(source.substring(workdir.length() + 1));
    }
    if (!Files.isRegularFile(from)) {
      throw new AssertionError("COPY source " + source + " is not there (" + from + ")");
    }
    Path to = copy.destination().endsWith("/")
        ? inside(copy.destination()).resolve(from.getFileName().toString())
        : inside(copy.destination());
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Where a path of the image is in this folder. */
  Path inside(String imagePath) {
    if (!imagePath.startsWith("/")) {
      throw new IllegalArgumentException("not an absolute path of the image: " + imagePath);
    }
    return root.resolve(imagePath.substring(1));
  }

  /**
   * A process for a command of the image: {@code java} is this JVM's, every absolute path is
   * mapped into this folder, the environment is the image's ENV plus {@code extraEnv} (as
   * {@code docker run -e}), the working directory is the WORKDIR.
   */
  ProcessBuilder command(List<String> argv, Map<String, String> extraEnv) {
    List<String> mapped = new ArrayList<>();
    for (String arg : argv) {
      if (mapped.isEmpty() && arg.equals("java")) {
        mapped.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      } else {
        mapped.add(arg.startsWith("/") ? inside(arg).toString() : arg);
      }
    }
    ProcessBuilder pb = new ProcessBuilder(mapped);
    Map<String, String> env = pb.environment();
    String path = env.get("PATH");
    env.clear();
    env.put("PATH", path == null ? "/usr/bin:/bin" : path);
    for (Map.Entry<String, String> e : environment(extraEnv).entrySet()) {
      env.put(e.getKey(), e.getValue());
    }
    pb.directory(inside(stage.last("WORKDIR").args().trim()).toFile());
    return pb;
  }

  /** The image's ENV with paths mapped, then {@code extraEnv}. */
  Map<String, String> environment(Map<String, String> extraEnv) {
    Map<String, String> env = new LinkedHashMap<>();
    stage.env().forEach((k, v) -> env.put(k, v.startsWith("/") ? inside(v).toString() : v));
    env.putAll(extraEnv);
    return env;
  }
}

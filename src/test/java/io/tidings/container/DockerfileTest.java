package io.tidings.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the Dockerfile must say, read as Docker reads it. hadolint cannot be installed here (no
 * Debian package; the npm "hadolint" wrapper downloads its binary from outside the registries),
 * so the rules of it that apply to this file are checked here, beside our own. The entrypoint
 * itself is run by {@link ContainerEntrypointIT}.
 */
class DockerfileTest {
  private static Dockerfile docker;
  private static Dockerfile.Stage build;
  private static Dockerfile.Stage run;

  @BeforeAll
  static void read() throws IOException {
    docker = Dockerfile.read(Path.of("Dockerfile"));
    build = docker.stage("build");
    run = docker.last();
  }

  @Test
  void buildsWithMavenAndRunsOnAJava17Jre() {
    assertThat(docker.stages()).extracting(Dockerfile.Stage::image)
        .containsExactly("maven:3.9-eclipse-temurin-17", "eclipse-temurin:17-jre");
    // hadolint DL3006 / DL3007: every base image has a tag, and not "latest".
    assertThat(docker.stages()).allSatisfy(s -> assertThat(s.image())
        .matches("[^:]+:[^:]+").doesNotEndWith(":latest"));
  }

  @Test
  void dependenciesGetALayerOfTheirOwnBeforeTheSources() {
    List<Dockerfile.Instruction> steps = build.instructions();
    int pom = indexOf(steps, "COPY", "pom.xml ");
    int offline = indexOf(steps, "RUN", "dependency:go-offline");
    int sources = indexOf(steps, "COPY", "src ");
    int packaging = indexOf(steps, "RUN", " package");
    assertThat(List.of(pom, offline, sources, packaging)).isSorted().doesNotContain(-1);
    assertThat(steps.get(packaging).args()).contains("-DskipTests");
    // Only pom.xml may be copied before the dependencies are fetched.
    assertThat(steps.subList(0, offline)).filteredOn(i -> i.keyword().equals("COPY"))
        .extracting(Dockerfile.Instruction::args).containsExactly("pom.xml ./");
  }

  @Test
  void runsAsAUserThatIsNotRootAndThatTheImageCreates() {
    String user = run.last("USER").args().trim();
    String uid = user.split(":")[0];
    assertThat(uid).isNotIn("root", "0"); // hadolint DL3002
    assertThat(run.indexOf(run.last("USER"))).isLessThan(run.indexOf(run.last("ENTRYPOINT")));
    assertThat(run.all("RUN")).anySatisfy(i -> assertThat(i.args())
        .contains("useradd").contains("--uid " + uid)
        .contains("--no-log-init")); // hadolint DL3046: no sparse lastlog file in the layer
  }

  @Test
  void entrypointIsExecFormJavaWithContainerMemoryFlagsAndTheBakedInConfig() {
    List<String> argv = run.entrypoint();
    assertThat(argv.get(0)).isEqualTo("java");
    assertThat(argv).anyMatch(a -> a.matches("-XX:MaxRAMPercentage=\\d+(\\.\\d+)?"));
    assertThat(argv).contains("-XX:+ExitOnOutOfMemoryError");
    String jar = argv.get(argv.indexOf("-jar") + 1);
    String config = argv.get(argv.indexOf("--config") + 1);
    assertThat(copiedTo()).contains(jar, config);
    assertThat(config).isEqualTo("/app/conf/config.yaml");
    assertThat(run.all("CMD")).isEmpty(); // arguments of `docker run` go to tidings as flags
  }

  @Test
  void contentIsAVolumeAtSlashContentAndThePortIsExposed() {
    assertThat(run.last("VOLUME").args().trim()).isIn("/content", "[\"/content\"]");
    assertThat(run.env()).containsEntry("TIDINGS_CONTENT_DIR", "/content");
    assertThat(run.last("EXPOSE").args().trim()).isEqualTo("8080");
    assertThat(run.env()).containsEntry("TIDINGS_HTTP_PORT", "8080");
  }

  @Test
  void healthcheckRunsAJavaClassOfTheJarItselfWithDeadlines() throws Exception {
    Dockerfile.Healthcheck check = run.healthcheck();
    assertThat(check.options()).containsKeys("interval", "timeout", "start-period", "retries");
    List<String> argv = check.command();
    // java is the one program the JRE image is sure to have; the class is in the jar.
    assertThat(argv.get(0)).isEqualTo("java");
    assertThat(argv.get(argv.indexOf("-cp") + 1)).isIn(copiedTo());
    Class<?> probe = Class.forName(argv.get(argv.size() - 1));
    assertThat(probe.getMethod("main", String[].class)).isNotNull();
  }

  @Test
  void everyWorkdirIsAbsoluteAndNoDeprecatedOrShellTricksAreUsed() {
    for (Dockerfile.Stage s : docker.stages()) {
      assertThat(s.all("WORKDIR")).allSatisfy(i -> assertThat(i.args()).startsWith("/"));
      assertThat(s.all("MAINTAINER")).isEmpty(); // hadolint DL4000
      assertThat(s.all("RUN")).allSatisfy(i -> assertThat(i.args())
          .doesNotContain("sudo ").doesNotStartWith("cd ")); // DL3004, DL3003
    }
  }

  @Test
  void dockerignoreSendsWhatTheBuildCopiesAndNothingElse() throws IOException {
    DockerIgnore ignore = DockerIgnore.read(Path.of(".dockerignore"));
    for (Dockerfile.Stage s : docker.stages()) {
      for (Dockerfile.Copy c : s.copies()) {
        if (c.from() == null) {
          c.sources().forEach(src -> assertThat(ignore.sends(src)).as(src).isTrue());
        }
      }
    }
    try (Stream<Path> sources = Files.walk(Path.of("src"))) {
      sources.filter(Files::isRegularFile).map(Path::toString).forEach(
          f -> assertThat(ignore.sends(f)).as(f).isTrue());
    }
    assertThat(ignore.sends("pom.xml")).isTrue();
    for (String kept : List.of("target/tidings.jar", "target", ".git", ".git/HEAD",
        "conf/content/000_d6b0fcc1b5121d05.txt", "README.md", ".idea/workspace.xml")) {
      assertThat(ignore.sends(kept)).as(kept).isFalse();
    }
  }

  private List<String> copiedTo() {
    return run.copies().stream().map(Dockerfile.Copy::destination).toList();
  }

  private static int indexOf(List<Dockerfile.Instruction> steps, String keyword, String part) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).keyword().equals(keyword) && (steps.get(i).args() + " ").contains(part)) {
        return i;
      }
    }
    return -1;
  }
}

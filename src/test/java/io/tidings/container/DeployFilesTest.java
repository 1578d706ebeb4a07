package io.tidings.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tidings.config.Config;
import io.tidings.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf/deploy/ as shipped: every YAML file parses, and the Compose file, the Kubernetes
 * manifests and the nginx config agree with the Dockerfile (user, port, paths, health check,
 * config file) and with each other (labels, names, volumes). No Docker or kubectl runs here.
 */
class DeployFilesTest {
  private static final Path DEPLOY = Path.of("conf/deploy");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Every document of every YAML file under conf/deploy, by kind and name. */
  private static Map<String, JsonNode> manifests() throws IOException {
    Map<String, JsonNode> out = new HashMap<>();
    try (Stream<Path> files = Files.walk(DEPLOY.resolve("k8s"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(f.toFile())) {
          while (docs.hasNext()) {
            JsonNode d = docs.next();
            String key = d.path("kind").asText() + "/" + d.path("metadata").path("name").asText()
                + (d.path("kind").asText().equals("Deployment") ? "@" + f.getFileName() : "");
            assertThat(out.put(key, d)).as("one " + key).isNull();
          }
        }
      }
    }
    return out;
  }

  private static Dockerfile.Stage image() throws IOException {
    return Dockerfile.read(Path.of("Dockerfile")).last();
  }

  @Test
  void theConfigMapHoldsAConfigThatLoadsAndMatchesTheImage(@TempDir Path tmp) throws Exception {
    JsonNode map = manifests().get("ConfigMap/tidings-config");
    Path file = tmp.resolve("config.yaml");
    Files.writeString(file, map.path("data").path("config.yaml").asText());
    Config c = ConfigLoader.load(file, Map.of(), Map.of());
    Map<String, String> env = image().env();
    assertThat(c.http().port()).isEqualTo(Integer.parseInt(env.get("TIDINGS_HTTP_PORT")));
    assertThat(c.content().dir()).isEqualTo(Path.of(env.get("TIDINGS_CONTENT_DIR")));
    // The image's ENTRYPOINT reads --config from the folder the ConfigMap is mounted on.
    List<String> entry = image().entrypoint();
    String configPath = entry.get(entry.indexOf("--config") + 1);
    assertThat(configPath).isEqualTo("/app/conf/config.yaml");
  }

  @Test
  void bothDeploymentsRunTheImageAsItIsMeantToRun() throws Exception {
    Map<String, JsonNode> all = manifests();
    Dockerfile.Stage run = image();
    String uid = run.last("USER").args().trim().split(":")[0];
    String port = run.last("EXPOSE").args().trim();
    Config config = ConfigLoader.load(null, Map.of(), Map.of());
    List<String> watchModes = new ArrayList<>();
    for (String name : List.of("deployment-git-sync.yaml", "deployment-shared-volume.yaml")) {
      JsonNode d = all.get("Deployment/tidings@" + name);
      assertThat(d).as(name).isNotNull();
      JsonNode spec = d.path("spec").path("template").path("spec");
      assertThat(d.path("spec").path("selector").path("matchLabels"))
          .isEqualTo(d.path("spec").path("template").path("metadata").path("labels"));
      assertThat(spec.path("securityContext").path("runAsUser").asText()).isEqualTo(uid);
      JsonNode tidings = container(spec, "tidings");
      assertThat(tidings.path("ports").get(0).path("containerPort").asText()).isEqualTo(port);
      assertThat(tidings.path("ports").get(0).path("name").asText()).isEqualTo("http");
      for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
        assertThat(tidings.path(probe).path("httpGet").path("path").asText()).as(probe)
            .isEqualTo("/health");
        assertThat(tidings.path(probe).path("httpGet").path("port").asText()).isEqualTo("http");
      }
      // preStop sleeps while the endpoint is removed, then SIGTERM's grace must fit too.
      JsonNode preStop = tidings.path("lifecycle").path("preStop").path("exec").path("command");
      assertThat(preStop.get(0).asText()).isEqualTo("sleep");
      long sleep = preStop.get(1).asLong();
      assertThat(sleep).isBetween(1L, 15L);
      assertThat(spec.path("terminationGracePeriodSeconds").asLong())
          .isGreaterThan(sleep + config.http().shutdownGrace().toSeconds() + 2);
      Map<String, String> env = new HashMap<>();
      tidings.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
      watchModes.add(env.get("TIDINGS_CONTENT_WATCH"));
      assertThat(env.get("TIDINGS_CONTENT_DIR")).isEqualTo(run.env().get("TIDINGS_CONTENT_DIR"));
      Map<String, JsonNode> mounts = new HashMap<>();
      tidings.path("volumeMounts").forEach(m -> mounts.put(m.path("mountPath").asText(), m));
      assertThat(mounts.get("/content").path("readOnly").asBoolean()).isTrue();
      assertThat(mounts.get("/app/conf").path("name").asText()).isEqualTo(
          volumeNamed(spec, v -> v.path("configMap").path("name").asText()
              .equals("tidings-config")));
      assertThat(tidings.path("resources").path("requests").has("cpu")).as("the HPA needs it")
          .isTrue();
      if (name.contains("git-sync")) {
        assertGitSyncFeedsTheContentVolume(spec, mounts.get("/content").path("name").asText());
      }
    }
    assertThat(watchModes).containsExactly("native", "poll");
  }

  private static void assertGitSyncFeedsTheContentVolume(JsonNode spec, String volume) {
    List<JsonNode> syncers = new ArrayList<>();
    spec.path("initContainers").forEach(syncers::add);
    syncers.add(container(spec, "git-sync"));
    assertThat(syncers).hasSize(2);
    assertThat(syncers.get(0).path("args").toString()).contains("--one-time");
    for (JsonNode g : syncers) {
      String root = null;
      for (JsonNode a : g.path("args")) {
        if (a.asText().startsWith("--root=")) {
          root = a.asText().substring(7);
        }
        if (a.asText().startsWith("--link=")) {
          // Tidings ignores hidden folders: the link it reads through must not be one.
          assertThat(a.asText().substring(7)).doesNotStartWith(".");
        }
      }
      String r = root;
      List<String> names = new ArrayList<>();
      g.path("volumeMounts").forEach(m -> {
        if (m.path("mountPath").asText().equals(r)) {
          names.add(m.path("name").asText());
        }
      });
      assertThat(names).as("git-sync writes into the volume Tidings reads").containsExactly(volume);
    }
    assertThat(spec.path("volumes").toString()).contains("emptyDir");
  }

  @Test
  void serviceBudgetAndAutoscalerPointAtTheDeployment() throws Exception {
    Map<String, JsonNode> all = manifests();
    JsonNode labels = all.get("Deployment/tidings@deployment-git-sync.yaml")
        .path("spec").path("template").path("metadata").path("labels");
    JsonNode service = all.get("Service/tidings");
    assertThat(service.path("spec").path("selector")).isEqualTo(labels);
    assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText())
        .isEqualTo("http");
    assertThat(all.get("PodDisruptionBudget/tidings").path("spec").path("selector")
        .path("matchLabels")).isEqualTo(labels);
    JsonNode hpa = all.get("HorizontalPodAutoscaler/tidings").path("spec");
    assertThat(hpa.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
    assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo("tidings");
    assertThat(hpa.path("metrics").get(0).path("resource").path("name").asText())
        .isEqualTo("cpu");
    assertThat(hpa.path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
    JsonNode pvc = all.get("PersistentVolumeClaim/tidings-content");
    assertThat(pvc.path("spec").path("accessModes").toString()).contains("ReadWriteMany");
  }

  @Test
  void composeRunsReplicasOfTheImageBehindTheShippedNginxConfig() throws Exception {
    JsonNode compose = YAML.readTree(DEPLOY.resolve("compose.yaml").toFile());
    JsonNode tidings = compose.path("services").path("tidings");
    Path context = DEPLOY.resolve(tidings.path("build").path("context").asText()).normalize();
    assertThat(context.resolve(tidings.path("build").path("dockerfile").asText()))
        .isEqualTo(Path.of("Dockerfile"));
    assertThat(tidings.path("deploy").path("replicas").asInt()).isGreaterThan(1);
    assertThat(tidings.path("volumes").get(0).asText()).endsWith(":/content:ro");
    assertThat(tidings.path("expose").get(0).asText()).isEqualTo(image().last("EXPOSE").args());
    JsonNode nginx = compose.path("services").path("nginx");
    String mount = nginx.path("volumes").get(0).asText();
    Path conf = DEPLOY.resolve(mount.substring(0, mount.indexOf(':')));
    assertThat(conf).exists();
    assertThat(mount).contains(":/etc/nginx/conf.d/default.conf");
    assertThat(nginx.path("depends_on").path("tidings").path("condition").asText())
        .isEqualTo("service_healthy");
    String text = Files.readString(conf);
    assertThat(text)
        .contains("server tidings:8080 resolve ")
        .contains("proxy_next_upstream error timeout http_502 http_503 http_504;")
        .contains("keepalive ")
        .contains("proxy_http_version 1.1;")
        .contains("proxy_cache_revalidate on;")
        .contains("proxy_set_header If-None-Match ")
        .contains("proxy_set_header If-Modified-Since ")
        .doesNotContain("non_idempotent")
        .doesNotContain("proxy_ignore_headers")
        // Links for served hosts only, one cached copy per host, forwarded headers of nginx's
        // own, no /status or /metrics (SECURITY.md; failover.sh runs this very file).
        .contains("listen 80 default_server;")
        .contains("return 421;")
        .contains("proxy_cache_key $scheme://$http_host$request_uri;")
        .contains("proxy_set_header Forwarded \"\";")
        .contains("location ~* ^/(status|metrics)(/|$) {\n        deny all;");
    assertThat(text.split("proxy_set_header X-Forwarded-Host \\$http_host;", -1))
        .as("each proxied location sets X-Forwarded-Host").hasSize(3);
    assertThat(tidings.path("environment").path("TIDINGS_HTTP_TRUSTED_PROXIES").asText())
        .contains("172.16.0.0/12");
    // nginx ignores Keep-Alive: timeout; its own must end first, or it may send a request on
    // a connection that a replica is closing at that moment.
    java.util.regex.Matcher keepAlive =
        java.util.regex.Pattern.compile("keepalive_timeout (\\d+)s;").matcher(text);
    assertThat(keepAlive.find()).as("keepalive_timeout in seconds").isTrue();
    long promised = io.tidings.web.server.ConnectionGuard.advertisedKeepAlive(
        io.tidings.config.Config.defaults(Path.of("content")).http().limits()
            .keepAliveTimeout());
    assertThat(Long.parseLong(keepAlive.group(1))).isLessThan(promised);
  }

  /** The pod spec of every workload (Pod, Deployment, StatefulSet, Job, CronJob...), by key. */
  private static Map<String, JsonNode> podSpecs(Map<String, JsonNode> all) {
    Map<String, JsonNode> out = new java.util.TreeMap<>();
    all.forEach((key, d) -> {
      JsonNode spec = switch (d.path("kind").asText()) {
        case "Pod" -> d.path("spec");
        case "CronJob" -> d.path("spec").path("jobTemplate").path("spec").path("template")
            .path("spec");
        default -> d.path("spec").path("template").path("spec");
      };
      if (!spec.isMissingNode()) {
        out.put(key, spec);
      }
    });
    return out;
  }

  @Test
  void everyPodMeetsTheRestrictedPodSecurityLevel() throws Exception {
    Map<String, JsonNode> pods = podSpecs(manifests());
    assertThat(pods).hasSizeGreaterThanOrEqualTo(2);
    String uid = image().last("USER").args().trim().split(":")[0];
    pods.forEach((key, spec) -> {
      assertThat(PodSecurityRules.violations(spec)).as(key).isEmpty();
      for (JsonNode c : PodSecurityRules.containers(spec)) {
        assertThat(c.path("image").asText()).as(key + " pins a tag").matches(".+:[^:/]+");
      }
      // Tidings writes nothing but /tmp (the JVM's): the rest of its file system is read-only.
      JsonNode tidings = container(spec, "tidings");
      assertThat(tidings.path("securityContext").path("readOnlyRootFilesystem").asBoolean())
          .as(key).isTrue();
      assertThat(PodSecurityRules.runAsUser(spec, tidings)).as(key + " uid").isEqualTo(uid);
      for (JsonNode c : PodSecurityRules.containers(spec)) {
        if (c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()) {
          String tmp = null;
          for (JsonNode m : c.path("volumeMounts")) {
            if (m.path("mountPath").asText().equals("/tmp")) {
              tmp = m.path("name").asText();
            }
          }
          assertThat(tmp).as(key + " " + c.path("name").asText() + " has a /tmp").isNotNull();
          String name = tmp;
          assertThat(volumeNamed(spec, v -> v.path("name").asText().equals(name)
              && v.has("emptyDir"))).isEqualTo(tmp);
        }
      }
    });
  }

  @Test
  void theRestrictedLevelCheckFindsWhatTheAdmissionControllerRejects() throws Exception {
    JsonNode bad = YAML.readTree("""
        hostNetwork: true
        securityContext: {runAsUser: 0}
        volumes: [{name: h, hostPath: {path: /}}, {name: e, emptyDir: {}}]
        initContainers: [{name: init}]
        containers:
          - name: app
            ports: [{containerPort: 80, hostPort: 80}]
            securityContext:
              privileged: true
              runAsNonRoot: true
              allowPrivilegeEscalation: false
              seccompProfile: {type: Unconfined}
              capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, SYS_ADMIN]}
        """);
    assertThat(PodSecurityRules.violations(bad)).containsExactlyInAnyOrder(
        "pod: hostNetwork is true",
        "volume h: type hostPath is not allowed",
        "pod: runAsUser 0",
        "container init: allowPrivilegeEscalation is not false",
        "container init: capabilities do not drop ALL",
        "container init: runAsNonRoot is not true",
        "container init: seccompProfile is null, not RuntimeDefault or Localhost",
        "container app: privileged",
        "container app: adds capability SYS_ADMIN",
        "container app: seccompProfile is Unconfined, not RuntimeDefault or Localhost",
        "container app: hostPort 80");
  }

  @Test
  void theAutoscalerAloneSetsTheReplicaCount() throws Exception {
    Map<String, JsonNode> all = manifests();
    java.util.Set<String> scaled = new java.util.HashSet<>();
    all.values().stream().filter(d -> d.path("kind").asText().equals("HorizontalPodAutoscaler"))
        .forEach(h -> scaled.add(h.path("spec").path("scaleTargetRef").path("kind").asText()
            + "/" + h.path("spec").path("scaleTargetRef").path("name").asText()));
    assertThat(scaled).isNotEmpty();
    all.forEach((key, d) -> {
      if (!d.path("kind").asText().equals("Deployment")) {
        return;
      }
      JsonNode replicas = d.path("spec").path("replicas");
      if (scaled.contains("Deployment/" + d.path("metadata").path("name").asText())) {
        // Every kubectl apply would set it back, undoing the autoscaler.
        assertThat(replicas.isMissingNode()).as(key + " has replicas: " + replicas).isTrue();
      } else {
        assertThat(replicas.asInt(1)).as(key + ": more than one replica").isGreaterThan(1);
      }
    });
  }

  @Test
  void replicasSpreadOverNodes() throws Exception {
    Map<String, JsonNode> all = manifests();
    all.forEach((key, d) -> {
      if (!d.path("kind").asText().equals("Deployment")) {
        return;
      }
      JsonNode template = d.path("spec").path("template");
      JsonNode labels = template.path("metadata").path("labels");
      List<String> keys = new ArrayList<>();
      for (JsonNode t : template.path("spec").path("topologySpreadConstraints")) {
        assertThat(t.path("labelSelector").path("matchLabels")).as(key).isEqualTo(labels);
        assertThat(t.path("maxSkew").asInt()).isEqualTo(1);
        keys.add(t.path("topologyKey").asText());
      }
      JsonNode anti = template.path("spec").path("affinity").path("podAntiAffinity");
      assertThat(keys.contains("kubernetes.io/hostname") || !anti.isMissingNode())
          .as(key + " spreads its pods over nodes").isTrue();
    });
  }

  @Test
  void everyImageOfTidingsCarriesThePomVersion() throws Exception {
    var pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("pom.xml").toFile()).getDocumentElement();
    String version = null;
    for (var n = pom.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeName().equals("version")) {
        version = n.getTextContent().trim();
      }
    }
    assertThat(version).isNotBlank();
    String tag = "tidings:" + version;
    List<String> images = new ArrayList<>();
    podSpecs(manifests()).forEach((key, spec) -> images.add(container(spec, "tidings")
        .path("image").asText()));
    images.add(YAML.readTree(DEPLOY.resolve("compose.yaml").toFile()).path("services")
        .path("tidings").path("image").asText());
    assertThat(images).hasSizeGreaterThanOrEqualTo(3).allSatisfy(
        i -> assertThat(i).isEqualTo(tag));
  }

  private static JsonNode container(JsonNode podSpec, String name) {
    for (JsonNode c : podSpec.path("containers")) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no container " + name);
  }

  private static String volumeNamed(JsonNode podSpec,
      java.util.function.Predicate<JsonNode> which) {
    for (JsonNode v : podSpec.path("volumes")) {
      if (which.test(v)) {
        return v.path("name").asText();
      }
    }
    throw new AssertionError("no such volume in " + podSpec.path("volumes"));
  }
}

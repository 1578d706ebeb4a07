package io.tidings.container;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The "restricted" Pod Security Standard (kubernetes.io/docs/concepts/security/pod-security-standards),
 * as the admission controller checks it, over one pod spec: every rule it breaks, one line each
 * (naming the container), so that a test can show them all at once.
 */
final class PodSecurityRules {
  /** The volume types the restricted level allows; anything else (hostPath first) is rejected. */
  private static final Set<String> VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI",
      "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");
  private static final Set<String> SECCOMP_TYPES = Set.of("RuntimeDefault", "Localhost");

  private PodSecurityRules() {
  }

  /** Every container of the pod: init containers, containers and ephemeral containers. */
  static List<JsonNode> containers(JsonNode podSpec) {
    List<JsonNode> all = new ArrayList<>();
    for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
      podSpec.path(list).forEach(all::add);
    }
    return all;
  }

  /** The rules of the restricted level that {@code podSpec} breaks; empty if none. */
  static List<String> violations(JsonNode podSpec) {
    List<String> out = new ArrayList<>();
    for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
      if (podSpec.path(host).asBoolean(false)) {
        out.add("pod: " + host + " is true");
      }
    }
    for (JsonNode v : podSpec.path("volumes")) {
      v.fieldNames().forEachRemaining(f -> {
        if (!f.equals("name") && !VOLUME_TYPES.contains(f)) {
          out.add("volume " + v.path("name").asText() + ": type " + f + " is not allowed");
        }
      });
    }
    JsonNode pod = podSpec.path("securityContext");
    String podSeccomp = pod.path("seccompProfile").path("type").asText(null);
    if (podSeccomp != null && !SECCOMP_TYPES.contains(podSeccomp)) {
      out.add("pod: seccompProfile " + podSeccomp);
    }
    if (pod.path("runAsUser").asLong(-1) == 0) {
      out.add("pod: runAsUser 0");
    }
    for (JsonNode c : containers(podSpec)) {
      String who = "container " + c.path("name").asText() + ": ";
      JsonNode sc = c.path("securityContext");
      if (sc.path("privileged").asBoolean(false)) {
        out.add(who + "privileged");
      }
      if (!sc.path("allowPrivilegeEscalation").isBoolean()
          || sc.path("allowPrivilegeEscalation").asBoolean()) {
        out.add(who + "allowPrivilegeEscalation is not false");
      }
      boolean dropsAll = false;
      for (JsonNode d : sc.path("capabilities").path("drop")) {
        dropsAll |= d.asText().equals("ALL");
      }
      if (!dropsAll) {
        out.add(who + "capabilities do not drop ALL");
      }
      for (JsonNode a : sc.path("capabilities").path("add")) {
        if (!a.asText().equals("NET_BIND_SERVICE")) {
          out.add(who + "adds capability " + a.asText());
        }
      }
      // A container's own setting beats the pod's.
      JsonNode nonRoot = sc.has("runAsNonRoot") ? sc.path("runAsNonRoot")
          : pod.path("runAsNonRoot");
      if (!nonRoot.asBoolean(false)) {
        out.add(who + "runAsNonRoot is not true");
      }
      if (sc.path("runAsUser").asLong(-1) == 0) {
        out.add(who + "runAsUser 0");
      }
      String seccomp = sc.path("seccompProfile").path("type").asText(podSeccomp);
      if (seccomp == null || !SECCOMP_TYPES.contains(seccomp)) {
        out.add(who + "seccompProfile is " + seccomp + ", not RuntimeDefault or Localhost");
      }
      for (JsonNode p : c.path("ports")) {
        if (p.path("hostPort").asInt(0) != 0) {
          out.add(who + "hostPort " + p.path("hostPort").asInt());
        }
      }
    }
    return out;
  }

  /** The user id that {@code container} runs as, its own setting before the pod's. */
  static String runAsUser(JsonNode podSpec, JsonNode container) {
    JsonNode own = container.path("securityContext").path("runAsUser");
    return own.isMissingNode() ? podSpec.path("securityContext").path("runAsUser").asText()
        : own.asText();
  }
}

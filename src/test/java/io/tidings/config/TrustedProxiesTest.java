package io.tidings.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** http.trustedProxies: addresses and CIDR blocks; names are never looked up. */
class TrustedProxiesTest {
  @Test
  void addressesAndBlocksMatchWhatTheyCover() {
    TrustedProxies t = TrustedProxies.parse(" 127.0.0.1, 10.0.0.0/8 ,fd00::/8, ::1, 192.168.1.128/25");
    Map<String, Boolean> peers = Map.ofEntries(
        Map.entry("127.0.0.1", true), Map.entry("127.0.0.2", false),
        Map.entry("10.255.1.2", true), Map.entry("11.0.0.1", false),
        Map.entry("fd12:3456::1", true), Map.entry("fe80::1", false),
        Map.entry("0:0:0:0:0:0:0:1", true), Map.entry("::2", false),
        Map.entry("::ffff:10.1.2.3", true), Map.entry("192.168.1.200", true),
        Map.entry("192.168.1.127", false), Map.entry("localhost", false),
        Map.entry("", false));
    peers.forEach((peer, trusted) -> assertThat(t.trusts(peer)).as(peer).isEqualTo(trusted));
    assertThat(t.trusts(null)).isFalse();
  }

  @Test
  void emptyTrustsNobodyAndIsTheDefault() throws ConfigException {
    assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
    assertThat(TrustedProxies.parse(" , ").trusts("127.0.0.1")).isFalse();
    assertThat(ConfigLoader.load(null, Map.of(), Map.of()).http().trustedProxies())
        .isEqualTo(TrustedProxies.NONE);
    assertThat(ConfigLoader.load(null, Map.of("TIDINGS_HTTP_TRUSTED_PROXIES", "172.16.0.0/12"),
        Map.of()).http().trustedProxies().trusts("172.20.0.3")).isTrue();
    assertThat(TrustedProxies.parse("0.0.0.0/0").trusts("8.8.8.8")).isTrue();
  }

  @Test
  void anythingButAnAddressOrABlockIsRefusedByName() {
    for (String bad : List.of("localhost", "nginx", "10.0.0.0/33", "::1/129", "10.0.0.0/",
        "10.0.0.0/x", "300.1.1.1", "10.0.0", "1.2.3.4/8/8", "*")) {
      assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1, " + bad))
          .as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("IP addresses and CIDR blocks")
          .hasMessageContaining("\"" + bad + "\"");
    }
    assertThatThrownBy(() -> ConfigLoader.load(null,
        Map.of("TIDINGS_HTTP_TRUSTED_PROXIES", "nginx"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("nginx");
  }
}

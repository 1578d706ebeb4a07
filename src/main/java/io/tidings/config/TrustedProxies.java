package io.tidings.config;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The peers whose {@code X-Forwarded-Host} and {@code X-Forwarded-Proto} are believed
 * ({@code http.trustedProxies}): IP addresses and CIDR blocks, IPv4 or IPv6. Only the address
 * of the connection's own peer counts (never a forwarded-for header), so that a client can
 * name itself a proxy only by being one. Empty (the default) trusts no one.
 */
public final class TrustedProxies {
  public static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

  private record Block(byte[] network, int bits) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (address[whole] & mask) == (network[whole] & mask);
    }
  }

  private final List<Block> blocks;
  private final String text;

  private TrustedProxies(List<Block> blocks, String text) {
    this.blocks = blocks;
    this.text = text;
  }

  /**
   * A comma-separated list such as {@code 127.0.0.1, ::1, 10.0.0.0/8}; empty for none.
   *
   * @throws IllegalArgumentException that names the entry that is not an address or block
   */
  public static TrustedProxies parse(String text) {
    List<Block> blocks = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String raw : text.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      byte[] address = bytes(slash < 0 ? entry : entry.substring(0, slash));
      int bits = address == null ? -1 : address.length * 8;
      if (address != null && slash >= 0) {
        String suffix = entry.substring(slash + 1);
        bits = suffix.matches("\\d{1,3}") ? Integer.parseInt(suffix) : -1;
        if (bits > address.length * 8) {
          bits = -1;
        }
      }
      if (bits < 0) {
        throw new IllegalArgumentException("a comma-separated list of IP addresses and CIDR"
            + " blocks such as 127.0.0.1, ::1, 10.0.0.0/8 (not \"" + printable(entry) + "\")");
      }
      blocks.add(new Block(address, bits));
      names.add(entry);
    }
    return blocks.isEmpty() ? NONE : new TrustedProxies(List.copyOf(blocks),
        String.join(", ", names));
  }

  /** Whether {@code ip}, an address literal as Vert.x gives a peer's, is a trusted proxy. */
  public boolean trusts(String ip) {
    if (blocks.isEmpty() || ip == null) {
      return false;
    }
    byte[] address = bytes(ip);
    if (address == null) {
      return false;
    }
    for (Block b : blocks) {
      if (b.contains(address)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /**
   * The bytes of an address literal (4 for IPv4, including IPv4-mapped IPv6; else 16), or
   * null for anything else: a name is never looked up.
   */
  private static byte[] bytes(String literal) {
    String s = literal.startsWith("[") && literal.endsWith("]")
        ? literal.substring(1, literal.length() - 1) : literal;
    byte[] b = s.isEmpty() ? null : NetUtil.createByteArrayFromIpAddressString(s);
    if (b != null && b.length == 16 && isMapped(b)) {
      return Arrays.copyOfRange(b, 12, 16);
    }
    return b;
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && i < 60; i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 || c >= 0x7f || c == '"' ? '?' : c);
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrustedProxies t && t.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}

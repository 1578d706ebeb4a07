package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainUrl} takes only URLs that {@link java.net.URI} parses to an http(s) URL with a host,
 * the rule {@link Fields#validUrl} applied to every URL before: checked on real shapes, on URLs
 * it must leave to the full parser, and on many random edits of them.
 */
class PlainUrlTest {
  /** The rule as it was: what java.net.URI says. */
  private static boolean uriTakes(String raw) {
    try {
      URI u = new URI(raw);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
          && !u.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static final List<String> TAKEN = List.of(
      "https://infotechlead.com/artificial-intelligence/ai-startup-81180",
      "https://www-coinspeaker-com.cdn.ampproject.org/c/s/www.coinspeaker.com/ai/amp/",
      "http://example.com", "https://example.com/", "https://a.b.example:8443/x?y=1&z=%20#frag",
      "https://x.org/path;params/(a)/'b'/*/~user/!/$/,/@/:/+/=/?q=/?#f?/",
      "https://sub-domain.example.co.uk/a_b.c-d~e", "http://localhost/x", "http://a1.b2c/");

  private static final List<String> LEFT = List.of(
      "HTTPS://example.com/", "https://user@example.com/", "https://[::1]/",
      "https://192.168.0.1/", "https://bücher.example/", "https://example.com/ä",
      "https://example.com/a b", "https://example.com/%2", "https://example.com/%zz",
      "https://example.com/a#b#c", "https://-bad.example/", "https://bad-.example/",
      "https://a..b/", "https://example.123/", "https://example.com./", "https://:80/",
      "https:///x", "https://", "ftp://example.com/", "https://example.com:/",
      "https://example.com:123456/", "https://example.com/[x]", "https://example.com/a\"b",
      "https://example.com/a<b>", "https://example.com/a\\b", "https://example.com/a|b",
      "https://example.com/a{b}", "https://example.com/a^b", "https://example.com/a`b");

  @Test
  void theUsualShapesAreTakenAndUriAgrees() {
    for (String url : TAKEN) {
      assertThat(PlainUrl.isPlain(url)).as(url).isTrue();
      assertThat(uriTakes(url)).as(url).isTrue();
    }
  }

  @Test
  void otherShapesAreLeftToUri() {
    for (String url : LEFT) {
      assertThat(PlainUrl.isPlain(url)).as(url).isFalse();
    }
  }

  @Test
  void randomEditsNeverTakeWhatUriRefuses() {
    Random random = new Random(20261203L);
    String alphabet = "aZ09-._~!$&'()*+,;=:@/?#%[]<>\"\\ |{}^`\u00e4\u4e2d.";
    int taken = 0;
    for (int round = 0; round < 100_000; round++) {
      StringBuilder b = new StringBuilder(TAKEN.get(random.nextInt(TAKEN.size())));
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        int at = random.nextInt(b.length() + 1);
        if (random.nextInt(3) == 0 && at < b.length()) {
          b.deleteCharAt(at);
        } else {
          b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String url = b.toString();
      if (PlainUrl.isPlain(url)) {
        taken++;
        assertThat(uriTakes(url)).as(url).isTrue();
      }
    }
    assertThat(taken).isGreaterThan(10_000);
  }
}

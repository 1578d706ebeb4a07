package io.tidings.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.catalog.Facet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The "did you mean" rule: OSA distance on keys, bounded, deterministic. */
class SuggestionTest {
  private static Map<String, Facet> index(String... keys) {
    Map<String, Facet> out = new TreeMap<>();
    for (String k : keys) {
      out.put(k, new Facet(k, k.toUpperCase(), List.of()));
    }
    return out;
  }

  @Test
  void distanceCountsEditsAndAdjacentTranspositions() {
    assertThat(Suggestion.distance("climate", "climate", 2)).isZero();
    assertThat(Suggestion.distance("climat", "climate", 2)).isEqualTo(1);
    assertThat(Suggestion.distance("ia", "ai", 2)).isEqualTo(1);
    assertThat(Suggestion.distance("securtiy", "security", 2)).isEqualTo(1);
    assertThat(Suggestion.distance("kitten", "sitting", 5)).isEqualTo(3);
    assertThat(Suggestion.distance("abcdef", "uvwxyz", 2)).isEqualTo(3);
  }

  @Test
  void theNearestKeyWinsWithinTheBoundAndTiesGoToTheFirstKey() {
    Map<String, Facet> idx = index("ai", "climate", "space", "spice");
    assertThat(Suggestion.nearest(idx, "climat").key()).isEqualTo("climate");
    assertThat(Suggestion.nearest(idx, "ia").key()).isEqualTo("ai");
    assertThat(Suggestion.nearest(idx, "spcae").key()).isEqualTo("space");
    assertThat(Suggestion.nearest(idx, "spoce").key()).isEqualTo("space");
    assertThat(Suggestion.nearest(idx, "clim")).isNull();
    assertThat(Suggestion.nearest(idx, "xy")).isNull();
    assertThat(Suggestion.nearest(idx, "a")).isNull();
    assertThat(Suggestion.nearest(idx, "climate")).isNull();
  }
}

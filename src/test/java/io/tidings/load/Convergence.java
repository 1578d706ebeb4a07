package io.tidings.load;

import io.tidings.load.FeedClient.Reply;
import io.tidings.load.FeedItems.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What every feed of the mix must hold for a given state of the directory, and rounds of
 * requests (every feed at once, unconditional) until each holds exactly that.
 */
final class Convergence {
  private final FeedClient client;
  private final ParsedBodies bodies;
  private final List<FeedSpec> mix;
  /** The ids of the articles the writer does not own, as the complete feed orders them. */
  private final List<String> staticOrder;
  /** The items of each static-only feed, which the writer never changes. */
  private final Map<String, List<String>> staticFeeds;

  private Convergence(FeedClient client, ParsedBodies bodies, List<FeedSpec> mix,
      List<String> staticOrder, Map<String, List<String>> staticFeeds) {
    this.client = client;
    this.bodies = bodies;
    this.mix = mix;
    this.staticOrder = staticOrder;
    this.staticFeeds = staticFeeds;
  }

  /**
   * Reads every feed once to learn what the articles that the writer does not own look like
   * (the sample and the generated corpus: their ids in the complete feed, the static feeds).
   */
  static Convergence learn(FeedClient client, ParsedBodies bodies, List<FeedSpec> mix)
      throws Exception {
    Map<FeedSpec, List<Item>> now = round(client, bodies, mix, null);
    List<String> order = new ArrayList<>();
    Map<String, List<String>> feeds = new HashMap<>();
    for (Map.Entry<FeedSpec, List<Item>> e : now.entrySet()) {
      if (e.getKey().complete() && order.isEmpty()) {
        e.getValue().stream().filter(i -> i.mark() == null).forEach(i -> order.add(i.id()));
      }
      if (e.getKey().staticOnly()) {
        feeds.put(e.getKey().path(), SnapshotLedger.ids(e.getValue()));
      }
    }
    return new Convergence(client, bodies, mix, List.copyOf(order), feeds);
  }

  Set<String> staticIds() {
    return Set.copyOf(staticOrder);
  }

  /** One line per feed that does not hold what {@code state} says; empty when all do. */
  List<String> mismatches(Map<FeedSpec, List<Item>> feeds, Map<Integer, Marked> state) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<FeedSpec, List<Item>> e : feeds.entrySet()) {
      List<String> expected = expected(e.getKey(), state);
      List<String> actual = new ArrayList<>();
      for (Item i : e.getValue()) {
        actual.add(i.mark() == null ? i.id() : i.mark().excerpt());
      }
      if (!expected.equals(actual)) {
        out.add(e.getKey() + ": " + actual.size() + " items, not the " + expected.size()
            + " expected");
      }
    }
    return out;
  }

  private List<String> expected(FeedSpec spec, Map<Integer, Marked> state) {
    if (spec.staticOnly()) {
      return staticFeeds.get(spec.path());
    }
    List<String> out = new ArrayList<>();
    state.values().stream().filter(spec.filter())
        .sorted(Comparator.comparingInt(Marked::seq).reversed())
        .forEach(m -> out.add(m.excerpt()));
    if (spec.withStatic()) {
      out.addAll(staticOrder);
    }
    return out.size() > spec.limit() ? out.subList(0, spec.limit()) : out;
  }

  /** What {@link #await} found: when the feeds were first all right, after how many rounds. */
  record Converged(long atNanos, int rounds, String version) {}

  /**
   * Rounds of requests (every feed of the mix at once, conditional on what the last round got)
   * until every feed holds exactly {@code state}, or the deadline.
   *
   * <p>A round only fetches; nothing is parsed while the feeds still change, so that parsing
   * (slow on a busy machine) does not stretch the time measured. Once a few rounds in a row
   * got the same bytes for every feed, all tagged with one snapshot version, the bodies are
   * parsed and compared with {@code state}. If they match, the feeds converged by the end of
   * the first round of that run (the same bytes: right then too): an upper bound of the
   * moment, late by at most one round. If not, the rounds go on.
   */
  Converged await(Map<Integer, Marked> state, long deadlineNanos) throws Exception {
    Map<FeedSpec, Reply> last = new LinkedHashMap<>();
    long runStart = 0;
    int runLength = 0;
    int rounds = 0;
    List<String> wrong = List.of("no round yet");
    while (System.nanoTime() - deadlineNanos < 0) {
      Map<FeedSpec, Reply> now = fetch(last);
      long end = System.nanoTime();
      rounds++;
      boolean same = now.keySet().stream().allMatch(s -> last.containsKey(s)
          && last.get(s).etag().equals(now.get(s).etag()));
      last.putAll(now);
      runStart = same ? runStart : end;
      runLength = same ? runLength + 1 : 1;
      long versions = now.values().stream().map(Reply::snapshot).distinct().count();
      if (runLength < 3 || versions != 1) {
        continue;
      }
      Map<FeedSpec, List<Item>> feeds = new LinkedHashMap<>();
      for (Map.Entry<FeedSpec, Reply> e : last.entrySet()) {
        feeds.put(e.getKey(), FeedCheck.check(e.getKey(), false, e.getValue(), staticIds(),
            bodies::now).items());
      }
      wrong = mismatches(feeds, state);
      if (wrong.isEmpty()) {
        return new Converged(runStart, rounds, now.values().iterator().next().snapshot());
      }
      runLength = Integer.MIN_VALUE; // parsed and wrong: wait for other bytes
    }
    throw new AssertionError("the feeds did not converge to the files on disk in time: "
        + wrong);
  }

  /** Every feed of the mix at once; a 304 keeps the bytes of the round before. */
  private Map<FeedSpec, Reply> fetch(Map<FeedSpec, Reply> before) throws Exception {
    Map<FeedSpec, CompletableFuture<Reply>> pending = new LinkedHashMap<>();
    for (FeedSpec s : mix) {
      Reply b = before.get(s);
      pending.put(s, client.getAsync(s.path(), false, b == null ? null : b.etag()));
    }
    Map<FeedSpec, Reply> out = new LinkedHashMap<>();
    for (Map.Entry<FeedSpec, CompletableFuture<Reply>> e : pending.entrySet()) {
      Reply r = e.getValue().get(2 * FeedClient.IDLE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      Reply b = before.get(e.getKey());
      if (r.status() == 304 && b != null && b.etag().equals(r.etag())) {
        r = new Reply(200, b.etag(), r.snapshot(), null, b.body());
      } else if (r.status() != 200) {
        throw new AssertionError(e.getKey() + " answered " + r.status());
      }
      out.put(e.getKey(), r);
    }
    return out;
  }

  /** Fetches and checks every feed of the mix once. */
  Map<FeedSpec, List<Item>> round() throws Exception {
    return round(client, bodies, mix, staticIds());
  }

  private static Map<FeedSpec, List<Item>> round(FeedClient client, ParsedBodies bodies,
      List<FeedSpec> mix, Set<String> staticIds) throws Exception {
    Map<FeedSpec, CompletableFuture<Reply>> pending = new LinkedHashMap<>();
    for (FeedSpec s : mix) {
      pending.put(s, client.getAsync(s.path(), false, null));
    }
    Map<FeedSpec, List<Item>> out = new LinkedHashMap<>();
    for (Map.Entry<FeedSpec, CompletableFuture<Reply>> e : pending.entrySet()) {
      Reply r = e.getValue().get(2 * FeedClient.IDLE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      if (r.status() != 200) {
        throw new AssertionError(e.getKey() + " answered " + r.status());
      }
      out.put(e.getKey(), FeedCheck.check(e.getKey(), false, r, staticIds, bodies::now).items());
    }
    return out;
  }
}

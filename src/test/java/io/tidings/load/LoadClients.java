package io.tidings.load;

import io.tidings.load.FeedClient.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * N feed readers polling at once, each on its own thread and connection: it picks a feed of
 * the mix (the complete feed three times as often, so that most snapshots get one), asks for it
 * with If-None-Match and the last ETag it got for it, checks every 200 ({@link FeedCheck}) and
 * records it in the ledger. Half the readers ask for gzip. Bounded: they stop when told or at
 * a deadline, whichever comes first.
 */
final class LoadClients {
  private final FeedClient client;
  private final List<FeedSpec> weighted = new ArrayList<>();
  private final SnapshotLedger ledger;
  private final Set<String> staticIds;
  private final ParsedBodies bodies;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  final LongAdder requests = new LongAdder();
  final LongAdder ok = new LongAdder();
  final LongAdder notModified = new LongAdder();
  final LongAdder bytes = new LongAdder();
  final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final Queue<String> firstErrors = new ConcurrentLinkedQueue<>();

  LoadClients(FeedClient client, List<FeedSpec> mix, SnapshotLedger ledger,
      Set<String> staticIds, ParsedBodies bodies) {
    this.client = client;
    this.bodies = bodies;
    this.ledger = ledger;
    this.staticIds = staticIds;
    for (FeedSpec s : mix) {
      for (int i = 0; i < (s.complete() ? 3 : 1); i++) {
        weighted.add(s);
      }
    }
    for (String kind : List.of("5xx", "status", "connection", "parse", "consistency")) {
      errors.put(kind, new LongAdder());
    }
  }

  void start(int count, long deadlineNanos) {
    for (int n = 0; n < count; n++) {
      int id = n;
      Thread t = new Thread(() -> poll(id, deadlineNanos), "churn-client-" + n);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void poll(int id, long deadlineNanos) {
    SplittableRandom random = new SplittableRandom(1000 + id);
    boolean gzip = id % 2 == 1;
    Map<String, String> etags = new HashMap<>();
    while (!stop.get() && System.nanoTime() - deadlineNanos < 0) {
      FeedSpec spec = weighted.get(random.nextInt(weighted.size()));
      String sent = etags.get(spec.path());
      Reply r;
      try {
        r = client.get(spec.path(), gzip, sent);
      } catch (Exception e) {
        error("connection", spec + ": " + e);
        continue;
      } finally {
        requests.increment();
      }
      bytes.add(r.body().length);
      ledger.seen(r.snapshot(), System.nanoTime());
      if (r.status() >= 500) {
        error("5xx", spec + ": " + r.status() + " " + new String(r.body(),
            java.nio.charset.StandardCharsets.UTF_8));
      } else if (r.status() == 304) {
        notModified.increment();
        // A 304 says that the tag sent is the current one: the response names it.
        if (sent == null || !sent.equals(r.etag())) {
          error("consistency", spec + ": 304 with ETag " + r.etag() + " for If-None-Match "
              + sent);
        }
      } else if (r.status() != 200) {
        error("status", spec + ": " + r.status());
      } else {
        ok.increment();
        try {
          FeedCheck.Bytes b = FeedCheck.bytes(spec, gzip, r);
          etags.put(spec.path(), r.etag());
          bodies.later(spec.format(), b.etag(), b.identity()).whenComplete((items, e) -> {
            try {
              if (e != null) {
                throw FeedCheck.unparsable(spec, e);
              }
              FeedCheck.checkItems(spec, items, staticIds);
              ledger.record(spec, b.version(), b.etag(), items);
            } catch (FeedCheck.Problem p) {
              error(p.kind, p.getMessage());
            }
          });
        } catch (FeedCheck.Problem p) {
          error(p.kind, p.getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void error(String kind, String message) {
    errors.get(kind).increment();
    if (firstErrors.size() < 20) {
      firstErrors.add(kind + ": " + message);
    }
  }

  /** Stops every reader and waits for the request it has in flight. */
  void stopAndJoin(long timeoutMillis) throws InterruptedException {
    stop.set(true);
    long deadline = System.currentTimeMillis() + timeoutMillis;
    for (Thread t : threads) {
      t.join(Math.max(1, deadline - System.currentTimeMillis()));
      if (t.isAlive()) {
        throw new AssertionError(t.getName() + " did not stop within " + timeoutMillis + " ms");
      }
    }
  }

  long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  String errorSummary() {
    StringBuilder s = new StringBuilder();
    errors.forEach((k, v) -> s.append(k).append('=').append(v.sum()).append(' '));
    return s.toString().trim();
  }

  List<String> firstErrors() {
    return List.copyOf(firstErrors);
  }
}

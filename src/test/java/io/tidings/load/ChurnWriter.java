package io.tidings.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Creates, edits, renames and deletes article files below {@code DIR/churn} at a fixed rate,
 * as authors and sync tools do: half the writes are atomic (a hidden temp file, then a rename
 * over the target), half are plain writes in place, which a reader can catch half done.
 * Remembers what each file holds, so that the test knows what the directory says when it stops.
 */
final class ChurnWriter {
  private static final int LOW = 150;
  private static final int HIGH = 250;
  private final Path root;
  private final SplittableRandom random;
  /** The writer's articles by seq: where each lives and what it says. One thread writes. */
  private final Map<Integer, Live> live = new HashMap<>();
  private int nextSeq;
  private int renames;
  private long creates;
  private long edits;
  private long moves;
  private long deletes;
  private volatile long lastWriteNanos;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private record Live(Path file, Marked mark) {}

  ChurnWriter(Path contentDir, long seed) {
    this.root = contentDir.resolve("churn");
    this.random = new SplittableRandom(seed);
  }

  /** Writes {@code count} articles before the server starts. */
  void seed(int count) {
    for (int i = 0; i < count; i++) {
      create();
    }
    creates = 0;
  }

  /**
   * Performs {@code ops} operations, {@code perSecond} a second, on a thread of its own;
   * returns once the last one is on disk (or throws what went wrong).
   */
  void run(int ops, int perSecond, long timeoutSeconds) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "churn-writer");
      t.setDaemon(true);
      return t;
    });
    int[] count = {0};
    try {
      clock.scheduleAtFixedRate(() -> {
        if (done.getCount() == 0) {
          return;
        }
        try {
          step();
          lastWriteNanos = System.nanoTime();
          if (++count[0] == ops) {
            done.countDown();
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
          done.countDown();
        }
      }, 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
      if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new AssertionError("the writer did not finish " + ops + " operations in "
            + timeoutSeconds + " s (" + count[0] + " done)");
      }
    } finally {
      clock.shutdownNow();
      clock.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (failure.get() != null) {
      throw new AssertionError("the writer failed", failure.get());
    }
  }

  private void step() throws IOException {
    int n = live.size();
    int roll = random.nextInt(100);
    if (n < LOW || (n < HIGH && roll < 18)) {
      create();
    } else if (n > HIGH || roll < 36) {
      delete();
    } else if (roll < 52) {
      rename();
    } else {
      edit();
    }
  }

  private void create() {
    int seq = nextSeq++;
    Marked m = new Marked(seq, 0, topics(), pick(FeedSpec.PROVIDERS), pick(FeedSpec.WORDS));
    Path file = root.resolve(random.nextBoolean() ? "a" : "b").resolve("w" + seq + ".txt");
    write(file, m);
    live.put(seq, new Live(file, m));
    creates++;
  }

  private void edit() {
    Live l = any();
    Marked m = l.mark();
    Marked next = m.edited(m.gen() + 1, random.nextInt(10) < 3 ? topics() : m.topics(),
        random.nextInt(10) < 2 ? pick(FeedSpec.PROVIDERS) : m.provider(),
        random.nextInt(10) < 3 ? pick(FeedSpec.WORDS) : m.word());
    write(l.file(), next);
    live.put(m.seq(), new Live(l.file(), next));
    edits++;
  }

  private void rename() throws IOException {
    Live l = any();
    String dir = random.nextBoolean() ? "a" : "b";
    Path to = root.resolve(dir).resolve("w" + l.mark().seq() + "-r" + (++renames) + ".txt");
    Files.move(l.file(), to, StandardCopyOption.ATOMIC_MOVE);
    live.put(l.mark().seq(), new Live(to, l.mark()));
    moves++;
  }

  private void delete() throws IOException {
    Live l = any();
    Files.delete(l.file());
    live.remove(l.mark().seq());
    deletes++;
  }

  private void write(Path file, Marked m) {
    byte[] bytes = m.fileText().getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(file.getParent());
      if (random.nextBoolean()) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.write(file, bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Live any() {
    List<Integer> seqs = new ArrayList<>(live.keySet());
    seqs.sort(null); // HashMap order is not part of the seed's promise
    return live.get(seqs.get(random.nextInt(seqs.size())));
  }

  private Set<String> topics() {
    String first = pick(FeedSpec.TOPICS);
    String second = pick(FeedSpec.TOPICS);
    return random.nextInt(3) == 0 && !second.equals(first) ? Set.of(first, second)
        : Set.of(first);
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** What the writer believes the directory holds, by seq. Call once it has stopped. */
  Map<Integer, Marked> model() {
    Map<Integer, Marked> out = new TreeMap<>();
    live.forEach((seq, l) -> out.put(seq, l.mark()));
    return out;
  }

  /** What the files below DIR/churn say, read back from disk, by seq. */
  Map<Integer, Marked> onDisk() throws IOException {
    Map<Integer, Marked> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Marked m = Marked.parse(Files.readString(p, StandardCharsets.UTF_8));
        if (m == null || p.getFileName().toString().startsWith(".")) {
          throw new AssertionError("a stray file in the churn folder: " + p);
        }
        if (out.put(m.seq(), m) != null) {
          throw new AssertionError("two files hold article " + m.seq());
        }
      }
    }
    return out;
  }

  long lastWriteNanos() {
    return lastWriteNanos;
  }

  String counts() {
    return creates + " creates, " + edits + " edits, " + moves + " renames, " + deletes
        + " deletes";
  }

  long operations() {
    return creates + edits + moves + deletes;
  }
}

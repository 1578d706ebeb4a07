package io.tidings.article;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of the values that thousands of articles repeat: providers, topics,
 * categories, types. A catalog of 100,000 articles holds a few thousand of them, not hundreds
 * of thousands. Bounded, so that hostile content cannot grow it without end.
 */
final class Interned {
  private static final int MAX = 100_000;
  private static final ConcurrentHashMap<String, String> STRINGS = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<List<String>, Provider> PROVIDERS =
      new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Provider, Provider> SHARED_PROVIDERS =
      new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, Topic> TOPICS = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Provider, Integer> PROVIDER_IDS =
      new ConcurrentHashMap<>();
  /**
   * The providers by number, for {@link Packed}: written under the class's lock before the
   * number is handed out, read through the article that holds the number (published safely).
   */
  private static volatile Provider[] byId = new Provider[64];
  private static int ids;

  private Interned() {}

  static String string(String s) {
    if (s == null) {
      return null;
    }
    String shared = STRINGS.get(s);
    if (shared != null || STRINGS.size() >= MAX) {
      return shared != null ? shared : s;
    }
    shared = STRINGS.putIfAbsent(s, s);
    return shared == null ? s : shared;
  }

  static Provider provider(String name, String domain) {
    List<String> key = java.util.Arrays.asList(name, domain);
    Provider shared = PROVIDERS.get(key);
    if (shared != null) {
      return shared;
    }
    Provider p = Provider.of(name, domain);
    p = new Provider(string(p.name()), string(p.domain()), string(p.key()));
    if (PROVIDERS.size() >= MAX) {
      return p;
    }
    shared = PROVIDERS.putIfAbsent(key, p);
    return shared == null ? p : shared;
  }

  /** The shared copy of a provider read back from the restart cache. */
  static Provider provider(Provider p) {
    Provider shared = SHARED_PROVIDERS.get(p);
    if (shared != null) {
      return shared;
    }
    p = new Provider(string(p.name()), string(p.domain()), string(p.key()));
    if (SHARED_PROVIDERS.size() >= MAX) {
      return p;
    }
    shared = SHARED_PROVIDERS.putIfAbsent(p, p);
    return shared == null ? p : shared;
  }

  static Topic topic(String name) {
    Topic shared = TOPICS.get(name);
    if (shared != null) {
      return shared;
    }
    Topic t = Topic.of(name);
    t = new Topic(string(t.name()), string(t.key()));
    if (TOPICS.size() >= MAX) {
      return t;
    }
    shared = TOPICS.putIfAbsent(name, t);
    return shared == null ? t : shared;
  }

  /** The number of {@code p} in the shared table, or -1 when the table is full. */
  static int providerId(Provider p) {
    Integer id = PROVIDER_IDS.get(p);
    return id != null ? id : register(p);
  }

  private static synchronized int register(Provider p) {
    Integer id = PROVIDER_IDS.get(p);
    if (id != null) {
      return id;
    }
    if (ids >= MAX) {
      return -1;
    }
    Provider[] table = byId;
    if (ids == table.length) {
      table = java.util.Arrays.copyOf(table, table.length * 2);
    }
    table[ids] = p;
    byId = table;
    PROVIDER_IDS.put(p, ids);
    return ids++;
  }

  static Provider providerAt(int id) {
    return byId[id];
  }
}

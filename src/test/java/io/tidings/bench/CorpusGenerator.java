package io.tidings.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Deterministic generator of a synthetic article corpus in the format of {@code docs/format.md}.
 *
 * <p>Every article depends only on the seed and its own index: {@link #articleText(int)} seeds a
 * {@link SplittableRandom} from {@code mix(seed ^ mix(index))}, so articles can be produced in any
 * order, on any number of threads, and always come out byte for byte the same.
 *
 * <p>Layout: article {@code i} is written to {@code DIR/<i / 1000, 3 digits>/<i, 6 digits>_<16 hex>.txt}.
 * Article {@code i} is published at {@code 2023-01-01T00:00:00Z + i * 5 min + jitter(0..299 s)},
 * so publication instants are distinct and increase with the index. Its {@code originalUrl} is unique
 * per index. About 2% of articles are drafts ({@code published: false}); every article has a
 * {@code secured} blob containing the text {@code SECRET}.
 *
 * <p>Usage: {@code CorpusGenerator DIR COUNT [SEED]}. No dependencies beyond the JDK.
 */
public final class CorpusGenerator {

    private static final long EPOCH_SECONDS = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
    private static final long STEP_SECONDS = 300;
    private static final int FILES_PER_FOLDER = 1000;

    private final long seed;

    private CorpusGenerator(long seed) {
        this.seed = seed;
    }

    public static CorpusGenerator withSeed(long seed) {
        return new CorpusGenerator(seed);
    }

    // ------------------------------------------------------------------------------------------
    // Public API
    // ------------------------------------------------------------------------------------------

    /** Writes article {@code index} below {@code dir} (creating its folder) and returns its path. */
    public Path writeArticle(Path dir, int index) {
        try {
            Path folder = dir.resolve(folderName(index));
            Files.createDirectories(folder);
            Path file = folder.resolve(fileName(index));
            Files.write(file, articleText(index).getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes articles {@code 0 .. count-1} below {@code dir}, on a few threads. */
    public void write(Path dir, int count) {
        writeAll(dir, count);
    }

    /** The complete file content of article {@code index}; a pure function of seed and index. */
    public String articleText(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
        return new Article(index, rng(index)).render();
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CorpusGenerator DIR COUNT [SEED]");
            System.exit(2);
        }
        Path dir = Paths.get(args[0]);
        int count = Integer.parseInt(args[1]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : 42L;
        long start = System.nanoTime();
        long bytes = withSeed(seed).writeAll(dir, count);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "wrote %d files, %d bytes, %.3f s (seed %d, into %s)",
                count, bytes, seconds, seed, dir.toAbsolutePath()));
    }

    // ------------------------------------------------------------------------------------------
    // Writing
    // ------------------------------------------------------------------------------------------

    private long writeAll(Path dir, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        try {
            Files.createDirectories(dir);
            for (int f = 0; f * FILES_PER_FOLDER < count; f++) {
                Files.createDirectories(dir.resolve(folderName(f * FILES_PER_FOLDER)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (count == 0) {
            return 0;
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        threads = Math.min(threads, Math.max(1, count / 64));
        final int chunk = 256;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "corpus-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long bytes = 0;
                    for (int from = next.getAndAdd(chunk); from < count; from = next.getAndAdd(chunk)) {
                        int to = Math.min(count, from + chunk);
                        for (int i = from; i < to; i++) {
                            byte[] data = articleText(i).getBytes(StandardCharsets.UTF_8);
                            Files.write(dir.resolve(folderName(i)).resolve(fileName(i)), data);
                            bytes += data.length;
                        }
                    }
                    return bytes;
                }));
            }
            long total = 0;
            for (Future<Long> f : futures) {
                total += f.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing corpus", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw new UncheckedIOException((IOException) cause);
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String folderName(int index) {
        return pad(index / FILES_PER_FOLDER, 3);
    }

    private String fileName(int index) {
        long h = mix64(mix64(seed + 0x5DEECE66DL) ^ (index * 0xC2B2AE3D27D4EB4FL));
        return pad(index, 6) + "_" + hex(h) + ".txt";
    }

    private SplittableRandom rng(int index) {
        return new SplittableRandom(mix64(seed ^ mix64(index * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L)));
    }

    /** SplitMix64 finalizer. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------------------------------
    // One article
    // ------------------------------------------------------------------------------------------

    private static final class Article {
        private final int index;
        private final SplittableRandom r;
        private final StringBuilder out = new StringBuilder(8192);

        Article(int index, SplittableRandom r) {
            this.index = index;
            this.r = r;
        }

        String render() {
            Provider provider = PROVIDERS[PROVIDER_ZIPF.sample(r)];
            String entity = ENTITIES[ENTITY_ZIPF.sample(r)];
            List<Integer> topics = pickTopics();
            long published = EPOCH_SECONDS + index * STEP_SECONDS + r.nextInt((int) STEP_SECONDS);
            OffsetDateTime when = OffsetDateTime.ofInstant(Instant.ofEpochSecond(published), ZoneOffset.UTC);

            String title = title(entity);
            double special = r.nextDouble();
            if (special < 0.01) {
                title = withFragment(title, CJK_FRAGMENTS);
            } else if (special < 0.02) {
                title = withFragment(title, MARKUP_FRAGMENTS);
            }
            String excerpt = excerpt(entity, r.nextDouble() < 0.004);
            String path = "/" + SECTIONS[r.nextInt(SECTIONS.length)] + datePath(when) + slug(title) + "-" + index;
            String originalUrl = "https://" + provider.domain + path;
            String webUrl = r.nextDouble() < 0.05 ? originalUrl + "?ref=feed" : originalUrl;

            line("---");
            line("category: " + category());
            line("title: " + quote(title));
            line("excerpt: " + quote(excerpt));
            line("publishedDateTime: " + Instant.ofEpochSecond(published));
            line("originalUrl: " + quote(originalUrl));
            line("webUrl: " + quote(webUrl));
            line("type: article");
            line("quality: " + r.nextInt(101));
            line("heat: " + heat());
            line("published: " + (r.nextDouble() >= 0.02));
            line("");
            line("provider:");
            line("  name: " + provider.yamlName);
            line("  domain: " + provider.yamlDomain);
            line("");
            line("topics:");
            for (int t : topics) {
                line("  - " + TOPICS_YAML[t]);
            }
            int relatedCount = 0;
            for (int k = 0; k < 9; k++) {
                if (r.nextDouble() < 0.45) {
                    relatedCount++;
                }
            }
            if (relatedCount > 0) {
                line("");
                line("related:");
                int[] qualities = new int[relatedCount];
                for (int j = 0; j < relatedCount; j++) {
                    qualities[j] = r.nextInt(101);
                }
                Arrays.sort(qualities);
                for (int j = 0; j < relatedCount; j++) {
                    related(j, entity, published, qualities[relatedCount - 1 - j]);
                }
            }
            if (r.nextDouble() < 0.40) {
                line("");
                line("images:");
                int n = r.nextDouble() < 0.85 ? 1 : 2;
                for (int k = 0; k < n; k++) {
                    image("  ", provider, when);
                }
            }
            line("");
            line("secured: " + quote(secured()));
            line("---");
            return out.toString();
        }

        private void related(int j, String storyEntity, long mainPublished, int quality) {
            Provider p = PROVIDERS[PROVIDER_ZIPF.sample(r)];
            String entity = r.nextDouble() < 0.7 ? storyEntity : ENTITIES[ENTITY_ZIPF.sample(r)];
            String title = title(entity);
            if (r.nextDouble() < 0.005) {
                title = withFragment(title, MARKUP_FRAGMENTS);
            }
            String excerpt = excerpt(entity, r.nextDouble() < 0.002);
            long when = (mainPublished + (r.nextInt(5 * 24 * 60) - 2 * 24 * 60) * 60L) / 60 * 60;
            OffsetDateTime dt = OffsetDateTime.ofInstant(Instant.ofEpochSecond(when), ZoneOffset.UTC);
            String path = "/" + SECTIONS[r.nextInt(SECTIONS.length)] + datePath(dt) + slug(title) + "-" + index + j + "/";
            String host = p.domain;
            line("  - title: " + quote(title));
            line("    excerpt: " + quote(excerpt));
            line("    publishedDateTime: " + Instant.ofEpochSecond(when));
            line("    webUrl: " + quote("https://" + host + path));
            if (r.nextDouble() < 0.3) {
                line("    ampWebUrl: " + quote("https://" + host + "/amp" + path));
                line("    cdnAmpWebUrl: " + quote("https://" + host.replace('.', '-')
                        + ".cdn.ampproject.org/c/s/" + host + "/amp" + path));
            }
            line("    type: article");
            line("    provider:");
            line("      name: " + p.yamlName);
            line("      domain: " + p.yamlDomain);
            line("    quality: " + quality);
            if (r.nextDouble() < 0.8) {
                line("    images:");
                image("      ", p, dt);
            }
        }

        private void image(String indent, Provider p, OffsetDateTime when) {
            int width = WIDTHS[r.nextInt(WIDTHS.length)];
            int height = (int) Math.round(width * RATIOS[r.nextInt(RATIOS.length)]);
            String host = r.nextDouble() < 0.5 ? p.domain : "cdn." + stripWww(p.domain);
            StringBuilder url = new StringBuilder("https://").append(host)
                    .append("/uploads/").append(when.getYear()).append('/').append(pad(when.getMonthValue(), 2)).append('/')
                    .append(hex(r.nextLong())).append(r.nextDouble() < 0.8 ? ".jpg" : ".png");
            if (r.nextDouble() < 0.2) {
                url.append("?itok=").append(hex(r.nextLong()), 0, 8).append("&v=").append(1_690_000_000 + r.nextInt(20_000_000));
            }
            line(indent + "- url: " + quote(url.toString()));
            line(indent + "  width: " + width);
            line(indent + "  height: " + height);
            line(indent + "  isCached: " + (r.nextDouble() < 0.9));
        }

        /** 1..3 distinct topic ranks. */
        private List<Integer> pickTopics() {
            double u = r.nextDouble();
            int n = u < 0.5 ? 1 : u < 0.8 ? 2 : 3;
            List<Integer> topics = new ArrayList<>(n);
            for (int attempt = 0; topics.size() < n && attempt < 32; attempt++) {
                Integer t = TOPIC_ZIPF.sample(r);
                if (!topics.contains(t)) {
                    topics.add(t);
                }
            }
            return topics;
        }

        private String category() {
            double u = r.nextDouble();
            if (u < 0.70) {
                return "news";
            }
            return CATEGORIES[r.nextInt(CATEGORIES.length)];
        }

        private int heat() {
            if (r.nextDouble() < 0.35) {
                return -1;
            }
            double u = r.nextDouble();
            return (int) Math.min(5000, Math.floor(u * u * u * 5001));
        }

        private String secured() {
            byte[] body = new byte[288];
            byte[] tail = new byte[16];
            for (int k = 0; k < body.length; k += 8) {
                long v = r.nextLong();
                for (int b = 0; b < 8; b++) {
                    body[k + b] = (byte) (v >>> (8 * b));
                }
            }
            for (int b = 0; b < 16; b++) {
                tail[b] = (byte) r.nextInt(256);
            }
            StringBuilder s = new StringBuilder(Base64.getEncoder().encodeToString(body));
            int at = 4 * r.nextInt(s.length() / 4 - 2);
            s.replace(at, at + 6, "SECRET");
            return s.append(';').append(Base64.getEncoder().encodeToString(tail)).toString();
        }

        // -- text ------------------------------------------------------------------------------

        private String title(String entity) {
            int len = 5 + r.nextInt(8);
            int entityAt = r.nextDouble() < 0.6 ? 0 : r.nextInt(len);
            StringBuilder sb = new StringBuilder(96);
            boolean prevFunction = true;
            for (int k = 0; k < len; k++) {
                String w;
                boolean function = false;
                if (k == entityAt) {
                    w = entity;
                } else if (!prevFunction && k > 0 && k < len - 1 && r.nextDouble() < 0.3) {
                    w = FUNCTION_WORDS[FUNCTION_ZIPF.sample(r)];
                    function = true;
                } else if (r.nextDouble() < 0.06) {
                    w = number();
                } else {
                    w = capitalize(contentWord());
                    if (sb.length() > 0 && sb.toString().endsWith(" " + w)) {
                        w = capitalize(contentWord());
                    }
                }
                if (k == 0) {
                    w = capitalize(w);
                }
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(w);
                prevFunction = function;
            }
            return sb.toString();
        }

        /** A plain-text excerpt of 100..300 characters, sometimes cut with " ...". */
        private String excerpt(String entity, boolean withCdataEnd) {
            int target = 120 + r.nextInt(181);
            StringBuilder sb = new StringBuilder(target + 200);
            boolean first = true;
            while (sb.length() < target) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sentence(sb, first ? entity : null, first && withCdataEnd);
                first = false;
            }
            if (sb.length() > target) {
                int cut = sb.lastIndexOf(" ", target - 4);
                if (cut < 100) {
                    cut = Math.min(sb.length(), 296);
                }
                sb.setLength(cut);
                while (sb.length() > 0 && ".,;: ".indexOf(sb.charAt(sb.length() - 1)) >= 0) {
                    sb.setLength(sb.length() - 1);
                }
                sb.append(" ...");
            }
            return sb.toString();
        }

        private void sentence(StringBuilder sb, String entity, boolean withCdataEnd) {
            int len = 8 + r.nextInt(13);
            int entityAt = entity == null ? -1 : r.nextInt(3);
            boolean prevFunction = true;
            for (int k = 0; k < len; k++) {
                String w;
                boolean function = false;
                if (k == entityAt) {
                    w = r.nextDouble() < 0.1 ? entity + "\u2019s" : entity;
                } else if (withCdataEnd && k == 3) {
                    w = "]]>";
                } else if (!prevFunction && r.nextDouble() < 0.4) {
                    w = FUNCTION_WORDS[FUNCTION_ZIPF.sample(r)];
                    function = true;
                } else if (r.nextDouble() < 0.04) {
                    w = number();
                } else {
                    w = contentWord();
                }
                if (k == 0) {
                    w = capitalize(w);
                } else {
                    sb.append(r.nextDouble() < 0.05 ? ", " : " ");
                }
                sb.append(w);
                prevFunction = function;
            }
            sb.append('.');
        }

        private String contentWord() {
            return CONTENT_WORDS[CONTENT_ZIPF.sample(r)];
        }

        private String number() {
            switch (r.nextInt(5)) {
                case 0:
                    return "$" + (1 + r.nextInt(999)) + " million";
                case 1:
                    return "$" + (1 + r.nextInt(99)) + "." + r.nextInt(10) + " billion";
                case 2:
                    return (1 + r.nextInt(99)) + "%";
                case 3:
                    return Integer.toString(2015 + r.nextInt(10));
                default:
                    return Integer.toString(2 + r.nextInt(500));
            }
        }

        private String withFragment(String title, String[] fragments) {
            String f = fragments[r.nextInt(fragments.length)];
            return r.nextBoolean() ? f + " " + title : title + " " + f;
        }

        private void line(String s) {
            out.append(s).append('\n');
        }
    }

    // ------------------------------------------------------------------------------------------
    // YAML and text helpers
    // ------------------------------------------------------------------------------------------

    private static final Pattern PLAIN_SAFE =
            Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N} ./+-]*[\\p{L}\\p{N}./+])?");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[0-9+.\\-_:eE]+");
    private static final Set<String> YAML_RESERVED = new HashSet<>(Arrays.asList(
            "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf"));

    /** A plain scalar where that is unambiguous (as in the sample), else a double-quoted one. */
    private static String scalar(String s) {
        if (PLAIN_SAFE.matcher(s).matches() && !NUMBER_LIKE.matcher(s).matches()
                && !YAML_RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        return quote(s);
    }

    /** A YAML double-quoted scalar. */
    private static String quote(String s) {
        boolean plain = true;
        for (int k = 0; k < s.length() && plain; k++) {
            char c = s.charAt(k);
            plain = c >= 0x20 && c != '"' && c != '\\' && (c < 0x7F || (c > 0x9F && c != '\u2028' && c != '\u2029' && c != '\uFEFF'));
        }
        if (plain) {
            return "\"" + s + "\"";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '\\':
                    sb.append("\\\\");
                    break;
                case '"':
                    sb.append("\\\"");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\u2028':
                    sb.append("\\L");
                    break;
                case '\u2029':
                    sb.append("\\P");
                    break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFEFF') {
                        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    private static String slug(String title) {
        StringBuilder sb = new StringBuilder(80);
        boolean dash = false;
        for (int k = 0; k < title.length() && sb.length() < 80; k++) {
            char c = Character.toLowerCase(title.charAt(k));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                sb.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return sb.length() == 0 ? "story" : sb.toString();
    }

    private static String capitalize(String w) {
        if (w.isEmpty() || !Character.isLowerCase(w.charAt(0))) {
            return w;
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String stripWww(String domain) {
        return domain.startsWith("www.") ? domain.substring(4) : domain;
    }

    /** "/yyyy/MM/dd/" */
    private static String datePath(OffsetDateTime t) {
        return "/" + t.getYear() + "/" + pad(t.getMonthValue(), 2) + "/" + pad(t.getDayOfMonth(), 2) + "/";
    }

    private static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static String hex(long v) {
        String h = Long.toHexString(v);
        return h.length() == 16 ? h : "0".repeat(16 - h.length()) + h;
    }

    // ------------------------------------------------------------------------------------------
    // Zipf sampling
    // ------------------------------------------------------------------------------------------

    /**
     * Zipf(n, s) over ranks 0..n-1, weight of rank k = 1 / (k + 1 + offset)^s (offset 0 is plain Zipf,
     * a positive offset is Zipf-Mandelbrot, a flatter head): precomputed cumulative table plus binary search.
     */
    private static final class Zipf {
        private final double[] cdf;

        Zipf(int n, double exponent) {
            this(n, exponent, 0);
        }

        Zipf(int n, double exponent, double offset) {
            cdf = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1.0 / Math.pow(k + 1 + offset, exponent);
                cdf[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cdf[k] /= sum;
            }
            cdf[n - 1] = 1.0;
        }

        int sample(SplittableRandom r) {
            double u = r.nextDouble();
            int lo = 0;
            int hi = cdf.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Pools (fixed, independent of the seed)
    // ------------------------------------------------------------------------------------------

    private static final class Provider {
        final String name;
        final String domain;
        final String yamlName;
        final String yamlDomain;

        Provider(String name, String domain) {
            this.name = name;
            this.domain = domain;
            this.yamlName = scalar(name);
            this.yamlDomain = scalar(domain);
        }
    }

    private static final String[] CATEGORIES = {
        "news", "business", "technology", "science", "world", "opinion", "sports", "culture"
    };

    private static final String[] SECTIONS = {
        "news", "tech", "business", "world", "science", "markets", "article", "story", "content", "2023"
    };

    private static final int[] WIDTHS = {560, 619, 640, 800, 1024, 1032, 1200, 1280, 1600};
    private static final double[] RATIOS = {0.5625, 0.525, 0.609, 0.667, 0.75, 1.0};

    private static final String[] CJK_FRAGMENTS = {
        "人工智能 芯片", "中国 人工智能 投资", "半导体 出口 管制", "数据中心 电力", "東京 ロボット 展示会", "한국 반도체 투자",
    };

    private static final String[] MARKUP_FRAGMENTS = {
        "Q&A: \"Is <AI> > humans?\"",
        "S&P 500 <b>\"rallies\"</b> > 5,000",
        "AT&T vs. \"<Verizon>\" -> who wins",
        "R&D <script>alert(\"x\")</script>",
        "Tom & Jerry's \"<Update>\" >>",
        "C:\\Temp\\new & \"<dir>\" > old",
        "<![CDATA[ \"M&A\" ]]>",
    };

    /** ~40 function words, roughly in frequency order. */
    private static final String[] FUNCTION_WORDS = {
        "the", "of", "to", "and", "in", "a", "for", "on", "with", "as", "at", "by", "from", "after",
        "over", "about", "into", "amid", "against", "its", "their", "more", "than", "up", "out", "but",
        "could", "will", "may", "why", "how", "what", "is", "are", "was", "be", "not", "this", "that", "new",
    };

    /** ~260 common news words, roughly in frequency order. */
    private static final String[] CONTENT_WORDS = {
        "year", "people", "government", "company", "market", "new", "world", "report", "million", "billion",
        "says", "percent", "AI", "deal", "data", "US", "China", "first", "time", "week",
        "plan", "growth", "price", "prices", "funding", "startup", "investors", "technology", "tech", "sales",
        "bank", "rates", "inflation", "economy", "shares", "stocks", "election", "president", "minister", "court",
        "police", "war", "climate", "energy", "oil", "power", "policy", "tax", "trade", "tariffs",
        "Europe", "India", "Japan", "UK", "global", "chief", "executive", "officials", "state", "city",
        "country", "health", "study", "researchers", "scientists", "model", "models", "chip", "chips", "software",
        "security", "cloud", "users", "app", "platform", "service", "launch", "launches", "raises", "round",
        "announced", "announces", "revenue", "profit", "quarter", "results", "forecast", "outlook", "demand", "supply",
        "jobs", "workers", "union", "strike", "talks", "agreement", "rules", "regulators", "law", "bill",
        "vote", "campaign", "party", "leaders", "summit", "crisis", "record", "high", "low", "big",
        "major", "largest", "biggest", "top", "key", "early", "last", "next", "years", "months",
        "day", "days", "home", "school", "students", "children", "women", "family", "life", "water",
        "food", "car", "cars", "electric", "battery", "vehicles", "space", "launching", "rocket", "satellite",
        "mission", "research", "science", "university", "hospital", "patients", "drug", "vaccine", "cancer", "disease",
        "storm", "heat", "wildfire", "flood", "emissions", "carbon", "solar", "wind", "nuclear", "gas",
        "investment", "fund", "capital", "venture", "valuation", "acquisition", "merger", "buy", "sell", "stake",
        "CEO", "founder", "team", "group", "partners", "partnership", "customers", "consumers", "retail", "online",
        "digital", "internet", "network", "open", "source", "code", "developers", "language", "generative", "intelligence",
        "artificial", "machine", "learning", "robot", "robots", "quantum", "computing", "hackers", "attack", "breach",
        "privacy", "social", "media", "video", "games", "music", "film", "streaming", "sports", "football",
        "league", "season", "win", "wins", "loss", "cut", "cuts", "rise", "rises", "falls",
        "jumps", "drops", "surge", "slump", "boost", "pressure", "risk", "risks", "warning", "warns",
        "expected", "likely", "amid", "despite", "faces", "face", "seeks", "wants", "backs", "joins",
        "rivals", "giants", "industry", "sector", "firms", "business", "leader", "analysts", "experts", "survey",
        "housing", "property", "debt", "budget", "spending", "costs", "cost", "gains", "losses", "ban",
        "exports", "imports", "border", "migrants", "Beijing", "Washington", "London", "Brussels", "Tokyo", "Silicon",
    };

    private static final String[] ENTITIES = {
        "Nvidia", "Microsoft", "Google", "Apple", "Amazon", "OpenAI", "Meta", "Alibaba", "Tencent", "Samsung",
        "Tesla", "Intel", "TSMC", "AMD", "the Fed", "the EU", "Baidu", "SpaceX", "NASA", "Huawei",
        "Xiaomi", "Anthropic", "IBM", "Oracle", "Netflix", "Zhipu", "Baichuan", "Sony", "Toyota", "Boeing",
        "Airbus", "Pfizer", "Moderna", "BP", "Shell", "ExxonMobil", "the ECB", "the IMF", "the WHO", "the UN",
        "Spotify", "Uber", "Airbnb", "Shopify", "Siemens", "Volkswagen", "BYD", "Arm", "Qualcomm", "Salesforce",
        "Mistral", "ByteDance", "TikTok", "Reddit", "GitHub", "Red Hat", "Canonical", "Mozilla", "Cloudflare", "Stripe",
    };

    private static final String[] NAMED_TOPICS = {
        "AI", "Machine Learning", "Climate", "Markets", "Space", "Security", "Open Source", "Startups",
        "Semiconductors", "Economy", "Politics", "Energy", "Health", "Crypto", "Cloud", "Electric Vehicles",
        "Robotics", "Privacy", "Cybersecurity", "Venture Capital", "Regulation", "China", "Europe", "Elections",
        "Science", "Biotech", "Gaming", "Social Media", "Smartphones", "Quantum Computing", "Finance", "Banking",
        "Real Estate", "Retail", "Aviation", "Transportation", "Agriculture", "Sports", "Entertainment", "Music",
        "Film", "Books", "Food", "Travel", "Weather", "Oceans", "Wildlife", "Renewable Energy",
        "Oil & Gas", "Supply Chain", "Labor", "Healthcare", "Vaccines", "Mental Health", "Data Science",
        "Programming", "Linux", "Java", "Rust", "Web Development", "Databases", "DevOps", "5G", "Wearables",
        "AR/VR", "Drones", "Batteries", "Nuclear", "Fusion", "Mars", "Astronomy", "C++", "人工智能", "Education",
    };

    private static final String[] TOPICS = buildTopics(200);
    private static final String[] TOPICS_YAML = Arrays.stream(TOPICS).map(CorpusGenerator::scalar).toArray(String[]::new);

    private static final String[] REAL_PROVIDERS = {
        "Reuters", "reuters.com",
        "Bloomberg", "www.bloomberg.com",
        "The Financial Times", "ft.com",
        "SiliconANGLE", "siliconangle.com",
        "scmp.com", "scmp.com",
        "TechCrunch", "techcrunch.com",
        "The Verge", "www.theverge.com",
        "Ars Technica", "arstechnica.com",
        "BBC News", "www.bbc.co.uk",
        "The Guardian", "www.theguardian.com",
        "CNBC", "www.cnbc.com",
        "Wired", "www.wired.com",
        "infotechlead", "infotechlead.com",
        "coinspeaker", "coinspeaker.com",
        "Caixin Global", "caixinglobal.com",
        "Channel NewsAsia Singapore", "channelnewsasia.com",
        "The Edge Singapore", "theedgesingapore.com",
        "cryptopolitan", "cryptopolitan.com",
        "VentureBeat", "venturebeat.com",
        "ZDNet", "www.zdnet.com",
        "The Register", "www.theregister.com",
        "Engadget", "www.engadget.com",
        "Nikkei Asia", "asia.nikkei.com",
        "Al Jazeera", "www.aljazeera.com",
        "Forbes", "www.forbes.com",
        "Business Insider", "www.businessinsider.com",
        "Space.com", "www.space.com",
        "phys.org", "phys.org",
        "Nature", "www.nature.com",
        "Le Monde", "www.lemonde.fr",
        "Der Spiegel", "www.spiegel.de",
        "The Hindu", "www.thehindu.com",
        "Yahoo Finance", "finance.yahoo.com",
        "MarketWatch", "www.marketwatch.com",
        "InfoQ", "www.infoq.com",
        "LWN.net", "lwn.net",
    };

    private static final String[] PROVIDER_PREFIXES = {
        "Daily", "Morning", "Evening", "Global", "Metro", "Coastal", "Northern", "Southern", "Capital", "Valley",
        "Harbor", "Summit", "Pioneer", "Liberty", "Union", "Central", "Eastern", "Western", "Pacific", "Atlantic",
        "Frontier", "Prairie", "Mountain", "River", "Lakeside",
    };

    private static final String[] PROVIDER_SUFFIXES = {
        "Ledger", "Herald", "Tribune", "Gazette", "Courier", "Chronicle", "Observer", "Post", "Times", "Journal",
        "Dispatch", "Sentinel", "Examiner", "Review", "Monitor", "Bulletin", "Register", "Record", "Star", "Beacon",
    };

    private static final String[] TLDS = {".com", ".com", ".com", ".net", ".news", ".org", ".co.uk", ".com.au"};

    private static final Provider[] PROVIDERS = buildProviders(500);

    private static final Zipf TOPIC_ZIPF = new Zipf(TOPICS.length, 1.1);
    private static final Zipf PROVIDER_ZIPF = new Zipf(PROVIDERS.length, 1.1);
    private static final Zipf ENTITY_ZIPF = new Zipf(ENTITIES.length, 1.0);
    private static final Zipf CONTENT_ZIPF = new Zipf(CONTENT_WORDS.length, 1.0, 3);
    private static final Zipf FUNCTION_ZIPF = new Zipf(FUNCTION_WORDS.length, 1.0);

    private static String[] buildTopics(int n) {
        String[] topics = new String[n];
        for (int k = 0; k < n; k++) {
            topics[k] = k < NAMED_TOPICS.length ? NAMED_TOPICS[k] : "Topic " + (k + 1);
        }
        return topics;
    }

    private static Provider[] buildProviders(int n) {
        List<Provider> list = new ArrayList<>(n);
        Set<String> keys = new HashSet<>();
        for (int k = 0; k < REAL_PROVIDERS.length; k += 2) {
            list.add(new Provider(REAL_PROVIDERS[k], REAL_PROVIDERS[k + 1]));
            keys.add(stripWww(REAL_PROVIDERS[k + 1]));
        }
        // Interleave prefixes and suffixes so that neighbouring ranks look different.
        int combos = PROVIDER_PREFIXES.length * PROVIDER_SUFFIXES.length;
        for (int c = 0; c < combos && list.size() < n; c++) {
            int p = c % PROVIDER_PREFIXES.length;
            String prefix = PROVIDER_PREFIXES[p];
            String suffix = PROVIDER_SUFFIXES[(c / PROVIDER_PREFIXES.length + p) % PROVIDER_SUFFIXES.length];
            long h = mix64(c * 0x9E3779B97F4A7C15L + 17);
            String base = (prefix + suffix).toLowerCase(Locale.ROOT);
            String domain = base + TLDS[(int) Math.floorMod(h, (long) TLDS.length)];
            if (!keys.add(stripWww(domain))) {
                continue;
            }
            if (((h >>> 8) & 3) == 0) {
                domain = "www." + domain;
            }
            // A few publishers go by their bare domain, as in the real files ("infotechlead", "scmp.com").
            String name = ((h >>> 16) % 10 == 0) ? stripWww(domain) : "The " + prefix + " " + suffix;
            if (((h >>> 24) & 7) == 1) {
                name = prefix + " " + suffix;
            }
            list.add(new Provider(name, domain));
        }
        return list.toArray(new Provider[0]);
    }
}

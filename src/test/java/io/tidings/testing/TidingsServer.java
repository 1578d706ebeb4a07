package io.tidings.testing;

import io.tidings.TestServer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One real Tidings server for the whole test class ({@link ServerExtension}): started over a
 * fresh content directory before the class's own {@code @BeforeAll} methods, closed after its
 * {@code @AfterAll} methods. The server goes into the class's static {@link TestServer} fields
 * and to any {@link TestServer} parameter; the content directory into static {@link Path}
 * fields marked {@link ContentDir}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ServerExtension.class)
public @interface TidingsServer {
  /** Settings over {@link TestServer#start(Path, java.util.Map)}'s, each {@code name=value}. */
  String[] settings() default {};

  /** What the content directory holds when the server starts: the bundled sample by default. */
  Class<? extends Content> content() default Sample.class;

  /** Writes the content directory's files (it exists and is empty); needs a no-argument constructor. */
  interface Content {
    void fill(Path dir) throws Exception;
  }

  /** A copy of the bundled sample ({@link TestServer#SAMPLE}). */
  final class Sample implements Content {
    @Override
    public void fill(Path dir) {
      TestServer.copySample(dir);
    }
  }

  /** Marks a static {@link Path} field that receives the server's content directory. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  @interface ContentDir {}
}

package io.tidings.testing;

import io.tidings.TestServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContextException;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Runs the {@link TidingsServer} of a test class: see there. */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback,
    ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ServerExtension.class);

  /** A started server and the temporary directory that holds its content. */
  private record Running(TestServer server, Path root) {}

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Class<?> testClass = context.getRequiredTestClass();
    TidingsServer spec = AnnotationSupport.findAnnotation(testClass, TidingsServer.class)
        .orElseThrow(() -> new ExtensionContextException(testClass.getName()
            + " uses ServerExtension without @TidingsServer"));
    Path root = Files.createTempDirectory("tidings-test-");
    Path content = Files.createDirectories(root.resolve("content"));
    TestServer server;
    try {
      ReflectionSupport.newInstance(spec.content()).fill(content);
      server = TestServer.start(content, settings(spec));
    } catch (Exception | Error e) {
      delete(root);
      throw e;
    }
    context.getStore(NAMESPACE).put(testClass, new Running(server, root));
    inject(testClass, TestServer.class, f -> true, server);
    inject(testClass, Path.class, f -> f.isAnnotationPresent(TidingsServer.ContentDir.class),
        content);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Running running = context.getStore(NAMESPACE)
        .remove(context.getRequiredTestClass(), Running.class);
    if (running != null) {
      try {
        running.server().close();
      } finally {
        delete(running.root());
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      Running running = c.getStore(NAMESPACE).get(testClass, Running.class);
      if (running != null) {
        return running.server();
      }
    }
    throw new ExtensionContextException("no server started for " + testClass.getName());
  }

  private static Map<String, String> settings(TidingsServer spec) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String s : spec.settings()) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new ExtensionContextException("a @TidingsServer setting is name=value: " + s);
      }
      settings.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
    }
    return settings;
  }

  /** Sets each static field of {@code type} that {@code which} accepts to {@code value}. */
  private static void inject(Class<?> testClass, Class<?> type,
      java.util.function.Predicate<Field> which, Object value) throws IllegalAccessException {
    List<Field> fields = ReflectionSupport.findFields(testClass,
        f -> f.getType() == type && Modifier.isStatic(f.getModifiers())
            && !Modifier.isFinal(f.getModifiers()) && which.test(f),
        HierarchyTraversalMode.TOP_DOWN);
    for (Field f : fields) {
      f.setAccessible(true);
      f.set(null, value);
    }
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}

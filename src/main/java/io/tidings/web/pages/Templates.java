package io.tidings.web.pages;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The page templates (classpath {@code templates/*.html}), rendered by Thymeleaf, which escapes
 * every value it writes. Templates are read as UTF-8 and parsed once. Thread-safe; call it off
 * the event loop.
 */
final class Templates {
  private final TemplateEngine engine = new TemplateEngine();

  Templates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(
        Templates.class.getClassLoader());
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  byte[] render(String template, Map<String, Object> variables) {
    Context context = new Context(Locale.ROOT, variables);
    return engine.process(template, context).getBytes(StandardCharsets.UTF_8);
  }
}

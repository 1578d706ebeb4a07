package io.tidings.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, named explicitly so that
 * Selenium never tries to download a browser or driver. Screenshots go to target/screenshots/.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  final ChromeDriver driver;
  private final ChromeDriverService service;

  /** Whether this machine has both (the tests skip otherwise; .ci/run installs them). */
  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  Browser(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=en-US",
        "--window-size=1000,1400", "--user-data-dir=" + profile.toAbsolutePath(),
        // No host but the test server's resolves: the sample's pictures on other sites fail
        // the same way on every machine, online or not (net::ERR_NAME_NOT_RESOLVED).
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
    // The console, to read what the Content-Security-Policy refused.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The console lines since the last call (Chromium reports each CSP refusal there). */
  List<String> console() {
    return driver.manage().logs().get("browser").getAll().stream()
        .map(e -> e.getLevel() + " " + e.getMessage()).toList();
  }

  /**
   * Records every {@code securitypolicyviolation} of each document from its first moment (a
   * script of the driver's, which the page's policy does not govern) in
   * {@code window.__violations}.
   */
  void recordPolicyViolations() {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);"
            + "});"));
  }

  void prefersDark(boolean dark) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
        List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
  }

  void size(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /** Saves what the browser shows as target/screenshots/{name}.png; returns the path. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }
}

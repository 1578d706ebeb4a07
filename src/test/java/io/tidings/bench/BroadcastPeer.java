package io.tidings.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer of {@link PushBenchmark}: a bare Vert.x server that holds SSE streams on
 * {@code loops} event loops and, for each line read from stdin (an article key), sends every
 * stream one {@code added} frame of about the size of Tidings' own, from one buffer, in one
 * task per loop. No files, no catalog, no filters: the floor of the fan-out on this machine.
 *
 * <pre>java -cp ... io.tidings.bench.BroadcastPeer PORT [loops=2]</pre>
 */
public final class BroadcastPeer extends VerticleBase {
  private static final String ADDRESS = "bench.broadcast";
  private final int port;
  private final List<HttpServerResponse> streams = new ArrayList<>();

  private BroadcastPeer(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<Buffer>localConsumer(ADDRESS, m -> {
      for (HttpServerResponse r : streams) {
        r.write(m.body());
      }
    });
    return vertx.createHttpServer().requestHandler(req -> {
      HttpServerResponse res = req.response();
      res.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-store");
      streams.add(res);
      res.closeHandler(v -> streams.remove(res));
      res.write("retry: 2000\n\n");
    }).listen(port);
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int loops = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new BroadcastPeer(port), new DeploymentOptions()
        .setInstances(loops)).await();
    System.out.println("ready");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    String pad = "x".repeat(700);
    long seq = 0;
    for (String key; (key = in.readLine()) != null; ) {
      seq++;
      String frame = "id: peer-" + seq + "\nevent: added\ndata: {\"id\":\"https://example.com/"
          + key + "\",\"content_html\":\"" + pad + "\"}\n\n";
      vertx.eventBus().publish(ADDRESS, Buffer.buffer(frame.getBytes(StandardCharsets.UTF_8)));
    }
    vertx.close().await();
  }
}

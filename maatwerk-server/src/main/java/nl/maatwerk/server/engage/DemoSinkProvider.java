package nl.maatwerk.server.engage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's SMS / WhatsApp / push provider (the JDK's HttpServer on the loopback interface): takes
 * {@code POST /messages} as a real provider would, deduplicates on {@code Idempotency-Key}, answers 202 with its own
 * message id, and a second later posts a signed "delivered" callback to the {@code callbackUrl} of the request, with
 * the provider's callback secret. A number ending in 0000 "does not exist": its callback says failed.
 */
final class DemoSinkProvider implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoSinkProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> secrets;
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final ScheduledExecutorService callbacks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-provider-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** {@code secrets}: callback secret by provider name (sms, whatsapp, push). */
    DemoSinkProvider(int port, Map<String, String> secrets) throws IOException {
        this.secrets = Map.copyOf(secrets);
        // TCP_NODELAY: otherwise the separate header and body writes meet delayed ACKs (~40 ms a request)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/messages", this::take);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    private void take(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            JsonNode body;
            try {
                body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            } catch (IOException e) {
                reply(exchange, 400, "{\"error\":\"not JSON\"}");
                return;
            }
            if (key == null || !"POST".equals(exchange.getRequestMethod()) || !body.hasNonNull("to")) {
                reply(exchange, 400, "{\"error\":\"POST with Idempotency-Key and a 'to' field\"}");
                return;
            }
            String[] fresh = new String[1];
            String id = ids.computeIfAbsent(key, k -> fresh[0] = "demo-" + Long.toString(System.nanoTime(), 36));
            reply(exchange, 202, "{\"id\":\"" + id + "\",\"status\":\"accepted\"}");
            if (fresh[0] != null) {
                String provider = body.path("channel").asText();
                boolean fails = body.path("to").asText().endsWith("0000");
                callbacks.schedule(() -> callback(provider, body.path("callbackUrl").asText(), key, id, fails), 1, TimeUnit.SECONDS);
            }
        }
    }

    private void callback(String provider, String url, String key, String id, boolean fails) {
        String secret = secrets.get(provider);
        if (secret == null || url.isBlank()) {
            return;
        }
        byte[] body = ("{\"reference\":" + JSON.valueToTree(key) + ",\"id\":\"" + id + "\",\"status\":\""
                + (fails ? "failed\",\"reason\":\"number does not exist (demo)\"" : "delivered\"") + "}")
                .getBytes(StandardCharsets.UTF_8);
        long t = Instant.now().getEpochSecond();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header(DeliveryCallbacks.SIGNATURE_HEADER, "t=" + t + ",v1=" + DeliveryCallbacks.sign(secret, t, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("demo provider callback for {} answered {}", key, response.statusCode());
            }
        } catch (IOException e) {
            log.warn("demo provider callback for {} failed: {}", key, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        callbacks.shutdownNow();
    }
}

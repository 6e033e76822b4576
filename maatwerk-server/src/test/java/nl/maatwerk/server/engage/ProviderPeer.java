package nl.maatwerk.server.engage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP provider for tests (the JDK's HttpServer): {@code POST /messages}, answering each reference from its
 * script (status, Retry-After, body) and 202 "accepted" once the script is used up. Records every request.
 */
final class ProviderPeer implements AutoCloseable {

    record Received(String idempotencyKey, String authorization, JsonNode body, long atNanos) {
    }

    record Reply(int status, String retryAfter, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    /** Runs before the reply is sent, for example a callback that overtakes it. */
    volatile java.util.function.Consumer<String> beforeReply = key -> { };

    ProviderPeer(int port) throws IOException {
        // TCP_NODELAY: otherwise the separate header and body writes meet delayed ACKs (~40 ms a request)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("localhost", port), 50);
        server.createContext("/messages", this::handle);
        server.start();
    }

    void script(String idempotencyKey, Reply... replies) {
        scripts.put(idempotencyKey, new ArrayDeque<>(List.of(replies)));
    }

    List<Received> of(String idempotencyKey) {
        return received.stream().filter(r -> idempotencyKey.equals(r.idempotencyKey())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        received.add(new Received(key, exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(request),
                System.nanoTime()));
        Deque<Reply> script = key == null ? null : scripts.get(key);
        Reply reply = script == null || script.isEmpty() ? null : script.poll();
        if (reply == null) {
            reply = new Reply(202, null, "{\"id\":\"peer-" + key + "\",\"status\":\"accepted\"}");
        }
        beforeReply.accept(key);
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package nl.maatwerk.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Small helpers for calling the API with raw bodies and reading problem+json answers. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;

    public Http(TestRestTemplate rest) {
        this.rest = rest;
    }

    public ResponseEntity<String> send(HttpMethod method, String path, String body, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    public ResponseEntity<String> post(String path, String json) {
        return send(HttpMethod.POST, path, json, "application/json");
    }

    public ResponseEntity<String> put(String path, String json) {
        return send(HttpMethod.PUT, path, json, "application/json");
    }

    /** A GET without following a redirect and without a login, as a citizen's browser opens a link in a message. */
    public java.net.http.HttpResponse<Void> follow(String path) throws java.io.IOException, InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(rest.getRootUri() + path)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    public ResponseEntity<String> get(String path) {
        return rest.getForEntity(path, String.class);
    }

    public static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /** The JSON pointers named in a problem's errors. */
    public static java.util.List<String> pointers(ResponseEntity<String> response) {
        java.util.List<String> pointers = new java.util.ArrayList<>();
        json(response).path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
        return pointers;
    }
}

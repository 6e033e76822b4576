package nl.maatwerk.server.engage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.PushMessage;
import nl.maatwerk.core.template.SmsMessage;
import nl.maatwerk.core.template.WhatsAppMessage;

/**
 * An SMS, WhatsApp or push provider over JSON/HTTP(S): {@code POST {baseUrl}/messages} with the header
 * {@code Idempotency-Key}, a bearer API key and the callback URL for status updates (the contract is in
 * docs/delivery.md). 2xx is accepted, 429 and 5xx are temporary (honouring {@code Retry-After}), other 4xx permanent.
 */
final class HttpProvider implements DeliveryProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Channel channel;
    private final DeliverySettings.HttpProviderSettings settings;
    private final Supplier<String> callbackBaseUrl;
    private final HttpClient client;

    HttpProvider(String name, Channel channel, DeliverySettings.HttpProviderSettings settings,
            Supplier<String> callbackBaseUrl) {
        this.name = name;
        this.channel = channel;
        this.settings = settings;
        this.callbackBaseUrl = callbackBaseUrl;
        this.client = HttpClient.newBuilder().connectTimeout(settings == null ? Duration.ofSeconds(10) : settings.timeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public boolean ready() {
        return settings != null && settings.baseUrl() != null && !settings.baseUrl().isBlank();
    }

    @Override
    public DeliveryOutcome send(QueuedMessage message) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl().replaceAll("/+$", "") + "/messages"))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Idempotency-Key", message.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body(message).toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new DeliveryOutcome.Temporary(name + ": " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Temporary(name + ": interrupted", null);
        }
        int code = response.statusCode();
        String reason = name + " HTTP " + code + " " + snippet(response.body());
        if (code >= 200 && code < 300) {
            JsonNode answer = parse(response.body());
            String id = answer.path("id").asText(message.idempotencyKey());
            return new DeliveryOutcome.Accepted(id, "delivered".equals(answer.path("status").asText()));
        }
        if (code == 429 || code >= 500) {
            return new DeliveryOutcome.Temporary(reason, retryAfter(response).orElse(null));
        }
        return new DeliveryOutcome.Permanent(reason);
    }

    ObjectNode body(QueuedMessage message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("channel", name);
        body.put("to", message.recipient());
        body.put("reference", message.idempotencyKey());
        body.put("callbackUrl", callbackBaseUrl.get().replaceAll("/+$", "") + "/" + name);
        Object content = message.body();
        if (content instanceof SmsMessage sms) {
            body.put("text", sms.text());
            body.put("segments", sms.length().segments());
            body.put("encoding", sms.length().encoding().name());
        } else if (content instanceof WhatsAppMessage wa) {
            ObjectNode template = body.putObject("template");
            template.put("name", wa.templateName());
            template.put("language", wa.language());
            wa.bodyParameters().forEach(template.putArray("parameters")::add);
            body.put("text", wa.preview());
        } else if (content instanceof PushMessage push) {
            body.put("title", push.title());
            body.put("body", push.body());
        } else {
            throw new IllegalArgumentException(name + " cannot send a " + content.getClass().getSimpleName());
        }
        return body;
    }

    /** Retry-After as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration wait = Duration.between(ZonedDateTime.now(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (RuntimeException notDate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String snippet(String body) {
        String s = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}

package nl.maatwerk.server.engage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.FieldReader;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Status callbacks from the HTTP providers. The header {@code X-Maatwerk-Signature: t=<unix seconds>,v1=<hex>} carries
 * HMAC-SHA256 over {@code t + "." + raw body} with the provider's shared secret; it is compared in constant time, and a
 * timestamp more than five minutes off is refused, so a recorded callback cannot be replayed later. A repeated
 * callback changes nothing and is answered 200 again.
 */
@Component
class DeliveryCallbacks {

    static final String SIGNATURE_HEADER = "X-Maatwerk-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeliveryProviders providers;
    private final OutboxStore store;
    private final Dispatcher dispatcher;
    private final TransactionTemplate transaction;

    DeliveryCallbacks(DeliveryProviders providers, OutboxStore store, Dispatcher dispatcher,
            PlatformTransactionManager transactions) {
        this.providers = providers;
        this.store = store;
        this.dispatcher = dispatcher;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a callback did: the message, its status now, and whether this callback changed it. */
    record Applied(long messageId, MessageStatus status, boolean changed) {
    }

    Applied apply(String provider, byte[] body, String signature, Instant now) {
        if (!DeliveryProviders.HTTP_PROVIDERS.containsKey(provider)) {
            throw ApiProblem.notFound("No provider \"" + provider + "\"; callbacks come from "
                    + String.join(", ", new java.util.TreeSet<>(DeliveryProviders.HTTP_PROVIDERS.keySet())));
        }
        String secret = providers.callbackSecret(provider).orElse(null);
        if (secret == null) {
            throw unauthorized("No callbacks are accepted for provider \"" + provider + "\"");
        }
        verify(secret, body, signature, now);
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw ApiProblem.invalid(FieldProblem.at("", "not JSON"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader in = new FieldReader(json, "", problems);
        in.rejectUnknown(Set.of("reference", "id", "status", "reason", "at"));
        String reference = in.text("reference", true, 200);
        in.text("id", false, 200);
        String status = in.text("status", true, 20);
        String reason = in.text("reason", false, 500);
        if (status != null && !status.equals("delivered") && !status.equals("failed")) {
            in.problem("status", "is \"delivered\" or \"failed\", was \"" + status + "\"");
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        SentMessage message = store.findForProvider(provider, reference)
                .orElseThrow(() -> ApiProblem.notFound("No message with reference " + reference + " was sent by " + provider));
        boolean delivered = status.equals("delivered");
        String why = delivered ? "delivered (" + provider + " callback)"
                : provider + " callback: failed" + (reason == null ? "" : ": " + reason);
        boolean changed = Boolean.TRUE.equals(transaction.execute(s -> store.callback(message.id(), delivered, why, now)));
        MessageStatus after = changed ? (delivered ? MessageStatus.DELIVERED : MessageStatus.PERMANENT_FAILURE) : message.status();
        if (changed) {
            dispatcher.publish(new QueuedMessage(message.id(), message.idempotencyKey(), message.citizenId(),
                    message.journeyKey(), message.channel(), message.purpose(), message.recipient(), message.body(),
                    message.attempts(), null, message.createdAt()), after, why, now);
        }
        return new Applied(message.id(), after, changed);
    }

    private static void verify(String secret, byte[] body, String header, Instant now) {
        if (header == null) {
            throw unauthorized("The " + SIGNATURE_HEADER + " header is missing");
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        long seconds;
        try {
            seconds = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw unauthorized("The " + SIGNATURE_HEADER + " header has no timestamp t=<unix seconds>");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            throw unauthorized("The signature's timestamp is more than 5 minutes from now (replay refused)");
        }
        byte[] expected = sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = v1 == null ? new byte[0] : v1.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw unauthorized("The signature does not match the body");
        }
    }

    /** Hex HMAC-SHA256 over {@code t + "." + body}: what a provider puts after {@code v1=}. */
    static String sign(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiProblem unauthorized(String detail) {
        return ApiProblem.of(HttpStatus.UNAUTHORIZED, "bad-signature", detail, List.of());
    }
}

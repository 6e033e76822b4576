package nl.maatwerk.server.engage;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/delivery/callbacks/{provider}}: public, but only a correctly signed callback is applied. */
@RestController
class DeliveryCallbackController {

    private final DeliveryCallbacks callbacks;

    DeliveryCallbackController(DeliveryCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Operation(summary = "A provider reports that a message was delivered or failed",
            description = "Signed with X-Maatwerk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t + '.' + body>;"
                    + " body {\"reference\": idempotency key, \"id\": provider id, \"status\": \"delivered\"|\"failed\","
                    + " \"reason\": text}. 401 on a bad or old signature, 404 for an unknown message.")
    @PostMapping(path = "/api/v1/delivery/callbacks/{provider}", produces = MediaType.APPLICATION_JSON_VALUE)
    DeliveryCallbacks.Applied callback(@PathVariable String provider, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = DeliveryCallbacks.SIGNATURE_HEADER, required = false) String signature) {
        return callbacks.apply(provider, body == null ? new byte[0] : body, signature, Instant.now());
    }
}

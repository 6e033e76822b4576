package nl.maatwerk.server.profile.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.JsonBody;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.Requester;
import nl.maatwerk.server.profile.DigitalAddress;
import nl.maatwerk.server.profile.DigitalAddresses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A citizen's digital addresses and stated preferred channel (VNG Klantinteracties: DigitaleAdressen). */
@RestController
@Tag(name = "Digital addresses", description = "E-mail, mobile phone and push token per citizen, with the preferred channel")
class DigitalAddressRestController {

    private static final String PATH = "/api/v1/citizens/{id}/digital-addresses";

    private final DigitalAddresses addresses;
    private final AuditLog audit;
    private final ObjectMapper json;

    DigitalAddressRestController(DigitalAddresses addresses, AuditLog audit, ObjectMapper json) {
        this.addresses = addresses;
        this.audit = audit;
        this.json = json;
    }

    /** What the API shows. */
    record View(UUID citizenId, List<DigitalAddress.Entry> addresses, String preferredChannel) {
        static View of(DigitalAddress a) {
            return new View(a.citizenId(), a.addresses(), a.preferredChannel() == null ? null : a.preferredChannel().code());
        }
    }

    @Operation(summary = "Replace a citizen's digital addresses: {\"addresses\":[{\"type\":\"email\",\"address\":\"…\"}],"
            + " \"preferredChannel\":\"email\"}", description = "Types: email, mobile_phone (E.164), push_token. 201 when the"
            + " citizen had none, else 200.")
    @PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<View> put(@PathVariable UUID id, @RequestBody byte[] body) {
        DigitalAddresses.Stored stored = addresses.put(id, JsonBody.parse(json, body));
        View view = View.of(stored.addresses());
        return stored.created() ? ResponseEntity.created(URI.create(PATH.replace("{id}", id.toString()))).body(view)
                : ResponseEntity.ok(view);
    }

    @Operation(summary = "A citizen's digital addresses", description = "Recorded in the read audit log.")
    @GetMapping(PATH)
    View get(@PathVariable UUID id, HttpServletRequest request) {
        DigitalAddress found = addresses.find(id)
                .orElseThrow(() -> ApiProblem.notFound("No digital addresses for citizen " + id));
        audit.read(Requester.of(request), "service_delivery", id, List.of("contact_preferences"));
        return View.of(found);
    }
}

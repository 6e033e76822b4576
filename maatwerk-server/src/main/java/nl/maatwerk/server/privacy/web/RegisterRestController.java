package nl.maatwerk.server.privacy.web;

import java.util.List;
import nl.maatwerk.server.privacy.AttributeDefinition;
import nl.maatwerk.server.privacy.AttributeRegister;
import nl.maatwerk.server.privacy.Purpose;
import nl.maatwerk.server.privacy.PurposeRegister;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/registers")
class RegisterRestController {

    private final AttributeRegister attributes;
    private final PurposeRegister purposes;

    RegisterRestController(AttributeRegister attributes, PurposeRegister purposes) {
        this.attributes = attributes;
        this.purposes = purposes;
    }

    @GetMapping("/attributes")
    List<AttributeDefinition> attributes() {
        return attributes.all();
    }

    @GetMapping("/purposes")
    List<Purpose> purposes() {
        return purposes.all();
    }
}

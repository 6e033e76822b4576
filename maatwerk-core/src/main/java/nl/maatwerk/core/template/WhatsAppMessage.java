package nl.maatwerk.core.template;

import java.util.List;
import java.util.Objects;

/**
 * A WhatsApp template message to send: the approved template, its language and the body parameters in order
 * ({@code bodyParameters.get(0)} fills {@code {{1}}}); {@code preview} is the text the citizen will read.
 */
public record WhatsAppMessage(String templateName, String language, List<String> bodyParameters, String preview) {

    public WhatsAppMessage {
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(preview, "preview");
        bodyParameters = List.copyOf(bodyParameters);
    }
}

package nl.maatwerk.core.template;

import java.util.Objects;

/**
 * An e-mail ready to send: a one-line subject, the body as an HTML fragment and as plain text (for the
 * {@code multipart/alternative} text part). The HTML is a fragment; the server wraps it in the municipality's
 * layout.
 */
public record RenderedEmail(String subject, String html, String plainText) {

    public RenderedEmail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(plainText, "plainText");
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an e-mail subject is one line");
        }
    }
}

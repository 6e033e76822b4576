package nl.maatwerk.core.template;

import java.util.Objects;

/** A rendered push notification, within {@link PushTemplate#TITLE_LIMIT} and {@link PushTemplate#BODY_LIMIT}. */
public record PushMessage(String title, String body) {

    public PushMessage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        PushTemplate.check("push title", title, PushTemplate.TITLE_LIMIT);
        PushTemplate.check("push body", body, PushTemplate.BODY_LIMIT);
    }
}

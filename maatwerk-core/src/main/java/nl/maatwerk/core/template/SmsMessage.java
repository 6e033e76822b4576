package nl.maatwerk.core.template;

import java.util.Objects;

/** A rendered SMS: the text to send and its {@link SmsLength}. */
public record SmsMessage(String text, SmsLength length) {

    public SmsMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(length, "length");
    }

    static SmsMessage of(String text) {
        return new SmsMessage(text, SmsLength.of(text));
    }
}

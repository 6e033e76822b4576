package nl.maatwerk.server.engage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.LetterContent;
import nl.maatwerk.core.template.PushMessage;
import nl.maatwerk.core.template.RenderedEmail;
import nl.maatwerk.core.template.SmsMessage;
import nl.maatwerk.core.template.WhatsAppMessage;

/**
 * One rendered message for one citizen, as a journey decided it.
 *
 * @param idempotencyKey journey, citizen, trigger occurrence and step: the same decision queues one message
 * @param journeyKey the journey that decided it, or null for a one-off send
 * @param purpose the purpose of the purpose register it is sent for; consent is checked again right before sending
 * @param recipient e-mail address, phone number or push token; null for a letter (the address is in the body)
 * @param body {@link RenderedEmail}, {@link SmsMessage}, {@link WhatsAppMessage}, {@link PushMessage} (channel APP)
 *     or {@link LetterContent}, matching the channel
 * @param notBefore not dispatched before this moment (quiet hours, the moment a journey chose)
 */
public record OutgoingMessage(String idempotencyKey, UUID citizenId, String journeyKey, Channel channel,
        String purpose, String recipient, Object body, Instant notBefore) {

    public OutgoingMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(citizenId, "citizenId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(notBefore, "notBefore");
        Class<?> expected = switch (channel) {
            case EMAIL -> RenderedEmail.class;
            case SMS -> SmsMessage.class;
            case WHATSAPP -> WhatsAppMessage.class;
            case APP -> PushMessage.class;
            case LETTER -> LetterContent.class;
            default -> throw new IllegalArgumentException("no messages are sent on channel " + channel.code());
        };
        if (!expected.isInstance(body)) {
            throw new IllegalArgumentException("a " + channel.code() + " message needs a " + expected.getSimpleName()
                    + " body, was " + (body == null ? "null" : body.getClass().getSimpleName()));
        }
        if (channel != Channel.LETTER && (recipient == null || recipient.isBlank())) {
            throw new IllegalArgumentException("a " + channel.code() + " message needs a recipient");
        }
    }
}

package nl.maatwerk.server.engage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.LetterContent;
import nl.maatwerk.core.template.PushMessage;
import nl.maatwerk.core.template.RenderedEmail;
import nl.maatwerk.core.template.SmsMessage;
import nl.maatwerk.core.template.WhatsAppMessage;

/** A rendered message body as the JSON stored in {@code outbox_message.body}, and back. */
final class OutboxBodies {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OutboxBodies() {
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store message body " + body.getClass().getSimpleName(), e);
        }
    }

    static Object read(Channel channel, String json) {
        Class<?> type = switch (channel) {
            case EMAIL -> RenderedEmail.class;
            case SMS -> SmsMessage.class;
            case WHATSAPP -> WhatsAppMessage.class;
            case APP -> PushMessage.class;
            case LETTER -> LetterContent.class;
            default -> throw new IllegalArgumentException("no messages on channel " + channel.code());
        };
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + channel.code() + " body does not read back: " + e.getMessage(), e);
        }
    }
}

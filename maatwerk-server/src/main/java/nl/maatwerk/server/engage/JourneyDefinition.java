package nl.maatwerk.server.engage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.EmailTemplate;
import nl.maatwerk.core.template.LetterTemplate;
import nl.maatwerk.core.template.PushTemplate;
import nl.maatwerk.core.template.SmsTemplate;
import nl.maatwerk.core.template.WhatsAppTemplate;

/**
 * A journey as its JSON definition says (docs/journeys.md): a trigger, an audience, steps. Checked by
 * {@link JourneyReader}; immutable.
 */
public record JourneyDefinition(String key, String name, String purpose, Trigger trigger, Audience audience,
        List<Step> steps) {

    public JourneyDefinition {
        steps = List.copyOf(steps);
    }

    /**
     * @param offsetDays for date triggers: days after the date (negative: before), e.g. -56 for 8 weeks before
     * @param age for a birthday trigger
     * @param documentType PN or NI for a document trigger, null for both
     * @param caseType a case type to restrict case triggers to, or null
     * @param status for case_status_changed: only changes to this status, or null for every change
     * @param topic for contact_topic
     * @param segment for segment_entered/left and campaign
     * @param windowDays how far back a run looks for dates and events it has not acted on yet
     * @param startAt for a campaign: its first round
     * @param everyDays for a recurring campaign: days between rounds, or null for a one-off
     */
    public record Trigger(TriggerType type, Integer offsetDays, Integer age, String documentType, String caseType,
            String status, String topic, String segment, int windowDays, Instant startAt, Integer everyDays) {
    }

    /**
     * @param segment only members of this segment (k-selectable, same purpose), or null for everyone the trigger finds
     * @param needsHelpAttribute a boolean attribute of the register, allowed for the purpose: true means a person
     *     contacts the citizen instead of a message
     */
    public record Audience(String segment, String needsHelpAttribute) {
    }

    /** One step; which fields apply depends on the type. */
    public sealed interface Step permits Send, Wait, Branch, Escalate {
        String id();

        /** send, wait, branch or escalate, as in the definition. */
        default String type() {
            return this instanceof Send ? "send" : this instanceof Wait ? "wait" : this instanceof Branch ? "branch" : "escalate";
        }
    }

    /**
     * Send on the first allowed channel of {@code channels} (the chooser orders them by the citizen's preference).
     *
     * @param link the address the tracked link {@code ((link))} leads to, or null
     */
    public record Send(String id, List<Channel> channels, Templates templates, String link) implements Step {
        public Send {
            channels = List.copyOf(channels);
        }
    }

    /** Templates per channel; null where the step has none. */
    public record Templates(EmailTemplate email, SmsTemplate sms, WhatsAppTemplate whatsapp, PushTemplate push,
            LetterTemplate letter, Map<Channel, Map<String, String>> texts) {

        public boolean has(Channel channel) {
            return switch (channel) {
                case EMAIL -> email != null;
                case SMS -> sms != null;
                case WHATSAPP -> whatsapp != null;
                case APP -> push != null;
                case LETTER -> letter != null;
                default -> false;
            };
        }
    }

    public record Wait(String id, int days) implements Step {
    }

    /**
     * Goes to {@code then} (a step id or "end") when the condition holds, else on to the next step.
     *
     * @param condition "responded" (a click or any outcome) or "outcome:NAME"
     */
    public record Branch(String id, String condition, String then) implements Step {
    }

    /**
     * A task for the contact centre.
     *
     * @param action call or letter
     * @param onlyWithoutResponse skip the task when the citizen already responded
     */
    public record Escalate(String id, String action, String reason, boolean onlyWithoutResponse) implements Step {
    }

    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }
}

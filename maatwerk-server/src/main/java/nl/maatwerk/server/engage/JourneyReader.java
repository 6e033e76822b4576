package nl.maatwerk.server.engage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.maatwerk.core.model.CaseType;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.Codes;
import nl.maatwerk.core.template.ChannelLimitExceeded;
import nl.maatwerk.core.template.EmailTemplate;
import nl.maatwerk.core.template.LetterTemplate;
import nl.maatwerk.core.template.PushTemplate;
import nl.maatwerk.core.template.SmsTemplate;
import nl.maatwerk.core.template.TemplateSyntaxException;
import nl.maatwerk.core.template.WhatsAppTemplate;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.FieldReader;
import nl.maatwerk.server.privacy.AttributeDefinition;
import nl.maatwerk.server.privacy.AttributeRegister;
import nl.maatwerk.server.privacy.AttributeType;
import nl.maatwerk.server.privacy.PurposeRegister;
import nl.maatwerk.server.segment.Segments;
import org.springframework.stereotype.Component;

/**
 * Reads and checks a journey definition (JSON, or YAML turned into the same tree), naming every problem by its JSON
 * pointer: unknown fields, a trigger without its settings, a segment below k or for another purpose, a template's
 * syntax error (with line and column) or unknown placeholder (with the values this journey provides).
 */
@Component
class JourneyReader {

    static final String KEY = "[a-z0-9][a-z0-9_-]{0,62}";
    private static final List<Channel> SENDABLE = List.of(Channel.EMAIL, Channel.APP, Channel.SMS, Channel.WHATSAPP,
            Channel.LETTER);

    private final Segments segments;
    private final PurposeRegister purposes;
    private final AttributeRegister attributes;

    JourneyReader(Segments segments, PurposeRegister purposes, AttributeRegister attributes) {
        this.segments = segments;
        this.purposes = purposes;
        this.attributes = attributes;
    }

    /** The definition, or an {@link ApiProblem} (400) naming every problem. */
    JourneyDefinition read(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        JourneyDefinition definition = read(body, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        return definition;
    }

    JourneyDefinition read(JsonNode body, List<FieldProblem> problems) {
        FieldReader in = new FieldReader(body, "", problems);
        if (!in.isObject()) {
            return null;
        }
        in.rejectUnknown(Set.of("key", "name", "purpose", "enabled", "trigger", "audience", "steps"));
        String key = in.text("key", true, 63);
        if (key != null && !key.matches(KEY)) {
            in.problem("key", "a key is 1-63 lower-case letters, digits, - and _, such as \"paspoort-verloopt\"");
        }
        String name = in.text("name", true, 200);
        String purpose = in.text("purpose", true, 64);
        if (purpose != null && purposes.find(purpose).isEmpty()) {
            in.problem("purpose", "\"" + purpose + "\" is not in the purpose register; known: "
                    + String.join(", ", purposes.all().stream().map(p -> p.key()).toList()));
        }
        JourneyDefinition.Trigger trigger = trigger(in.object("trigger", true), purpose, problems);
        JourneyDefinition.Audience audience = audience(in.object("audience", false), purpose, problems);
        List<String> allowed = trigger == null ? TriggerType.COMMON_VALUES : trigger.type().allowedValues();
        List<JourneyDefinition.Step> steps = steps(in.value("steps"), allowed, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new JourneyDefinition(key, name.strip(), purpose, trigger,
                audience == null ? new JourneyDefinition.Audience(null, null) : audience, steps);
    }

    private JourneyDefinition.Trigger trigger(FieldReader t, String purpose, List<FieldProblem> problems) {
        if (t == null || !t.isObject()) {
            return null;
        }
        t.rejectUnknown(Set.of("type", "offsetDays", "age", "documentType", "caseType", "status", "topic", "segment",
                "windowDays", "startAt", "everyDays"));
        String code = t.text("type", true, 40);
        TriggerType type = code == null ? null : TriggerType.of(code).orElse(null);
        if (code != null && type == null) {
            t.problem("type", "unknown trigger \"" + code + "\"; expected one of " + String.join(", ", TriggerType.codes()));
        }
        Integer offset = t.integer("offsetDays", false, -3650, 3650);
        Integer age = t.integer("age", false, 0, 120);
        String documentType = t.text("documentType", false, 2);
        if (documentType != null && !documentType.matches("PN|NI")) {
            t.problem("documentType", "expected PN (passport) or NI (identity card)");
        }
        String caseType = t.text("caseType", false, 40);
        if (caseType != null && Codes.find(CaseType.class, caseType).isEmpty()) {
            t.problem("caseType", "unknown case type \"" + caseType + "\"; expected one of " + Codes.list(CaseType.class));
        }
        String status = t.text("status", false, 40);
        String topic = t.text("topic", false, 80);
        String segment = t.text("segment", false, 63);
        Integer window = t.integer("windowDays", false, 1, 366);
        Instant startAt = t.instant("startAt", false);
        Integer every = t.integer("everyDays", false, 1, 366);
        if (type == null) {
            return null;
        }
        switch (type) {
            case DOCUMENT_EXPIRY, OBJECTION_DEADLINE -> require(t, "offsetDays", offset);
            case BIRTHDAY -> require(t, "age", age);
            case CONTACT_TOPIC -> require(t, "topic", topic);
            case SEGMENT_ENTERED, SEGMENT_LEFT, CAMPAIGN -> require(t, "segment", segment);
            default -> {
            }
        }
        if (segment != null) {
            checkSegment(segment, purpose, "/trigger/segment", problems);
        }
        int windowDays = window != null ? window : type == TriggerType.CAMPAIGN ? 1 : 7;
        return new JourneyDefinition.Trigger(type, offset, age, documentType, caseType, status, topic, segment, windowDays,
                startAt, every);
    }

    private static void require(FieldReader t, String field, Object value) {
        if (value == null && t.value(field) == null) {
            t.problem(field, "is required for this trigger");
        }
    }

    private JourneyDefinition.Audience audience(FieldReader a, String purpose, List<FieldProblem> problems) {
        if (a == null || !a.isObject()) {
            return null;
        }
        a.rejectUnknown(Set.of("segment", "needsHelpAttribute"));
        String segment = a.text("segment", false, 63);
        String helpAttribute = a.text("needsHelpAttribute", false, 64);
        if (segment != null) {
            checkSegment(segment, purpose, "/audience/segment", problems);
        }
        if (helpAttribute != null) {
            AttributeDefinition def = attributes.find(helpAttribute).orElse(null);
            if (def == null) {
                a.problem("needsHelpAttribute", "\"" + helpAttribute + "\" is not in the attribute register");
            } else if (def.hasSpecialCategory()) {
                a.problem("needsHelpAttribute", "\"" + helpAttribute + "\" reveals " + def.specialCategory()
                        + " (a special category) and is never a criterion");
            } else if (purpose != null && !def.purposes().contains(purpose)) {
                a.problem("needsHelpAttribute", "the register does not allow \"" + helpAttribute + "\" for purpose "
                        + purpose + " (allowed: " + String.join(", ", def.purposes()) + ")");
            } else if (def.type() != AttributeType.BOOLEAN) {
                a.problem("needsHelpAttribute", "\"" + helpAttribute + "\" is not a yes/no attribute");
            }
        }
        return new JourneyDefinition.Audience(segment, helpAttribute);
    }

    private void checkSegment(String key, String purpose, String pointer, List<FieldProblem> problems) {
        try {
            Segments.Summary summary = segments.get(key);
            if (purpose != null && !summary.segment().purpose().equals(purpose)) {
                problems.add(FieldProblem.at(pointer, "segment \"" + key + "\" is for purpose "
                        + summary.segment().purpose() + ", not " + purpose));
                return;
            }
            segments.requireAudience(key);
        } catch (ApiProblem e) {
            problems.add(FieldProblem.at(pointer, e.getMessage()));
        }
    }

    private List<JourneyDefinition.Step> steps(JsonNode node, List<String> allowed, List<FieldProblem> problems) {
        List<JourneyDefinition.Step> steps = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(FieldProblem.at("/steps", "a journey needs a list of at least one step"));
            return steps;
        }
        Set<String> ids = new HashSet<>();
        List<String[]> jumps = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/steps/" + i;
            FieldReader s = new FieldReader(node.get(i), at, problems);
            if (!s.isObject()) {
                continue;
            }
            String type = s.text("type", true, 20);
            String id = s.text("id", false, 63);
            if (id == null) {
                id = "step-" + (i + 1);
            } else if (!id.matches(KEY) || id.equals("end")) {
                s.problem("id", "a step id is 1-63 lower-case letters, digits, - and _, and not \"end\"");
            }
            if (!ids.add(id)) {
                s.problem("id", "step id \"" + id + "\" is used twice");
            }
            if (type == null) {
                continue;
            }
            switch (type) {
                case "send" -> {
                    s.rejectUnknown(Set.of("type", "id", "channels", "templates", "link"));
                    JourneyDefinition.Step step = send(s, id, at, allowed, problems);
                    if (step != null) {
                        steps.add(step);
                    }
                }
                case "wait" -> {
                    s.rejectUnknown(Set.of("type", "id", "days"));
                    Integer days = s.integer("days", true, 0, 366);
                    steps.add(new JourneyDefinition.Wait(id, days == null ? 0 : days));
                }
                case "branch" -> {
                    s.rejectUnknown(Set.of("type", "id", "if", "then"));
                    String condition = s.text("if", true, 80);
                    String then = s.text("then", true, 63);
                    if (condition != null && !condition.equals("responded") && !condition.matches("outcome:[a-z][a-z0-9_]{0,62}")) {
                        s.problem("if", "expected \"responded\" or \"outcome:NAME\", such as outcome:online_application_completed");
                    }
                    if (then != null) {
                        jumps.add(new String[] {at + "/then", then});
                    }
                    steps.add(new JourneyDefinition.Branch(id, condition, then));
                }
                case "escalate" -> {
                    s.rejectUnknown(Set.of("type", "id", "action", "reason", "onlyWithoutResponse"));
                    String action = s.text("action", false, 10);
                    if (action != null && !action.matches("call|letter")) {
                        s.problem("action", "expected call or letter");
                    }
                    String reason = s.text("reason", false, 200);
                    Boolean only = s.bool("onlyWithoutResponse");
                    steps.add(new JourneyDefinition.Escalate(id, action == null ? "call" : action,
                            reason == null ? "no_response" : reason, only == null || only));
                }
                default -> s.problem("type", "unknown step \"" + type + "\"; expected send, wait, branch or escalate");
            }
        }
        for (String[] jump : jumps) {
            if (!jump[1].equals("end") && !ids.contains(jump[1])) {
                problems.add(FieldProblem.at(jump[0], "no step \"" + jump[1] + "\"; use a step id or \"end\""));
            }
        }
        return steps;
    }

    private JourneyDefinition.Send send(FieldReader s, String id, String at, List<String> allowed,
            List<FieldProblem> problems) {
        String link = s.text("link", false, 2000);
        if (link != null && !link.matches("https?://\\S+")) {
            s.problem("link", "expected an http(s) address");
        }
        List<String> values = new ArrayList<>(allowed);
        if (link == null) {
            values.remove("link");
        }
        FieldReader t = s.object("templates", true);
        if (t == null || !t.isObject()) {
            return null;
        }
        t.rejectUnknown(Set.of("email", "sms", "whatsapp", "app", "letter"));
        String base = at + "/templates";
        Map<Channel, Map<String, String>> texts = new EnumMap<>(Channel.class);
        EmailTemplate email = template(t, "email", base, List.of("subject", "body"), values, texts, Channel.EMAIL,
                f -> EmailTemplate.of(f.get("subject"), f.get("body")), problems);
        SmsTemplate sms = template(t, "sms", base, List.of("text"), values, texts, Channel.SMS,
                f -> SmsTemplate.of(f.get("text")), problems);
        WhatsAppTemplate whatsapp = template(t, "whatsapp", base, List.of("name", "language", "body"), values, texts,
                Channel.WHATSAPP, f -> WhatsAppTemplate.of(f.get("name"), f.get("language"), f.get("body")), problems);
        PushTemplate push = template(t, "app", base, List.of("title", "body"), values, texts, Channel.APP,
                f -> PushTemplate.of(f.get("title"), f.get("body")), problems);
        LetterTemplate letter = template(t, "letter", base, List.of("subject", "body"), values, texts, Channel.LETTER,
                f -> LetterTemplate.of(f.get("subject"), f.get("body")), problems);
        JourneyDefinition.Templates templates = new JourneyDefinition.Templates(email, sms, whatsapp, push, letter, texts);
        List<Channel> channels = new ArrayList<>();
        JsonNode list = s.value("channels");
        if (list == null) {
            SENDABLE.stream().filter(templates::has).forEach(channels::add);
        } else if (!list.isArray()) {
            s.problem("channels", "expected a list such as [\"email\", \"sms\", \"letter\"]");
        } else {
            for (int i = 0; i < list.size(); i++) {
                Channel c = Codes.find(Channel.class, list.get(i).asText()).orElse(null);
                if (c == null || !SENDABLE.contains(c)) {
                    problems.add(FieldProblem.at(at + "/channels/" + i, "\"" + list.get(i).asText()
                            + "\" is not a channel messages go out on; expected email, app, sms, whatsapp or letter"));
                } else if (!templates.has(c)) {
                    problems.add(FieldProblem.at(at + "/channels/" + i, "no template for " + c.code()
                            + " in templates"));
                } else {
                    channels.add(c);
                }
            }
        }
        boolean anyGiven = List.of("email", "sms", "whatsapp", "app", "letter").stream().anyMatch(c -> t.value(c) != null);
        if (!anyGiven) {
            s.problem("templates", "give a template for at least one channel: email, app, sms, whatsapp or letter");
        }
        return new JourneyDefinition.Send(id, channels, templates, link);
    }

    private interface Maker<T> {
        T make(Map<String, String> fields);
    }

    private <T> T template(FieldReader t, String name, String base, List<String> fieldNames, List<String> allowed,
            Map<Channel, Map<String, String>> texts, Channel channel, Maker<T> maker, List<FieldProblem> problems) {
        FieldReader f = t.object(name, false);
        if (f == null || !f.isObject()) {
            return null;
        }
        f.rejectUnknown(Set.copyOf(fieldNames));
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : fieldNames) {
            String value = f.text(field, true, 10_000);
            if (value == null) {
                return null;
            }
            fields.put(field, value);
        }
        String pointer = base + "/" + name;
        T made;
        try {
            made = maker.make(fields);
        } catch (TemplateSyntaxException e) {
            String field = fieldWith(fields, e);
            problems.add(FieldProblem.atText(pointer + "/" + field, e.line(), e.column(), null, null, e.message(Locale.ENGLISH)));
            return null;
        } catch (ChannelLimitExceeded e) {
            problems.add(FieldProblem.at(pointer + "/" + e.field(), e.getMessage()));
            return null;
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.at(pointer, e.getMessage()));
            return null;
        }
        boolean fine = true;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            for (String placeholder : Placeholders.names(field.getValue())) {
                if (!allowed.contains(placeholder)) {
                    int[] lc = Placeholders.position(field.getValue(), placeholder);
                    problems.add(FieldProblem.atText(pointer + "/" + field.getKey(), lc[0], lc[1], placeholder, allowed,
                            "unknown placeholder ((" + placeholder + ")); this journey provides: " + String.join(", ", allowed)
                                    + (placeholder.equals("link") ? " (link needs a \"link\" address on the step)" : "")));
                    fine = false;
                }
            }
        }
        if (!fine) {
            return null;
        }
        texts.put(channel, fields);
        return made;
    }

    /** Which field of a multi-field template the syntax error is in: the first one that fails alone. */
    private static String fieldWith(Map<String, String> fields, TemplateSyntaxException e) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getKey().equals("name") || field.getKey().equals("language")) {
                continue;
            }
            Supplier<Object> parse = () -> nl.maatwerk.core.template.Template.parse(field.getValue());
            try {
                parse.get();
            } catch (TemplateSyntaxException inner) {
                return field.getKey();
            }
        }
        return fields.keySet().stream().filter(k -> !k.equals("name") && !k.equals("language")).reduce((a, b) -> b).orElse("");
    }
}

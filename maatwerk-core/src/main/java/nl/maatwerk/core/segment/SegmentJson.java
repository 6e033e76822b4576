package nl.maatwerk.core.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON form of an expression, for REST APIs and the click-builder. One object per node:
 * <pre>
 * {"and": [e, …]}   {"or": [e, …]}   {"not": e}
 * {"field": "age", "op": "&gt;=", "value": 25}
 * {"field": "age", "between": [25, 40]}          {"field": "district", "in": ["WK036300"]}
 * {"flag": "channel.digital"}                    {"call": "document.travel.expiresWithin", "window": "8w"}
 * {"inSegment": "digitaal-actief"}
 * {"count": "contacts", "where": e, "op": "&gt;=", "value": 2}        ("where" may be left out)
 * {"last": "contacts", "where": e, "property": "occurredAt", "op": "&gt;", "value": {"now": "-12m"}}
 * </pre>
 * Values: a JSON string is a text, a number a number, {@code true/false} a boolean, {@code {"date": "2026-01-31"}}
 * a date, {@code {"now": "-90d"}}, {@code {"now": "+8w"}} or {@code {"now": ""}} a moment relative to now.
 *
 * <p>Stateless and thread-safe.
 */
public final class SegmentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private SegmentJson() {
    }

    /** The JSON text of {@code expression}. */
    public static String write(Expression expression) {
        return toTree(expression).toString();
    }

    /**
     * The expression described by {@code json}.
     *
     * @throws SegmentException when the JSON is malformed or not a segment expression (the problem names the
     *                          JSON pointer)
     */
    public static Expression read(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw problem("", "not JSON: " + e.getOriginalMessage());
        }
        return fromTree(tree);
    }

    public static ObjectNode toTree(Expression e) {
        ObjectNode node = NODES.objectNode();
        if (e instanceof Expression.And and) {
            ArrayNode operands = node.putArray("and");
            and.operands().forEach(o -> operands.add(toTree(o)));
        } else if (e instanceof Expression.Or or) {
            ArrayNode operands = node.putArray("or");
            or.operands().forEach(o -> operands.add(toTree(o)));
        } else if (e instanceof Expression.Not not) {
            node.set("not", toTree(not.operand()));
        } else if (e instanceof Expression.Comparison c) {
            node.put("field", c.field()).put("op", c.operator().symbol()).set("value", value(c.value()));
        } else if (e instanceof Expression.Between b) {
            node.put("field", b.field()).putArray("between").add(value(b.low())).add(value(b.high()));
        } else if (e instanceof Expression.InList in) {
            ArrayNode values = node.put("field", in.field()).putArray("in");
            in.values().forEach(v -> values.add(value(v)));
        } else if (e instanceof Expression.Flag f) {
            node.put("flag", f.field());
        } else if (e instanceof Expression.Call c) {
            node.put("call", c.function()).put("window", c.window().toString());
        } else if (e instanceof Expression.InSegment s) {
            node.put("inSegment", s.key());
        } else if (e instanceof Expression.Count c) {
            node.put("count", c.source().code());
            c.where().ifPresent(w -> node.set("where", toTree(w)));
            node.put("op", c.operator().symbol()).put("value", c.number());
        } else if (e instanceof Expression.Extreme x) {
            node.put(x.which().code(), x.source().code());
            x.where().ifPresent(w -> node.set("where", toTree(w)));
            node.put("property", x.property()).put("op", x.operator().symbol()).set("value", value(x.value()));
        }
        return node;
    }

    private static JsonNode value(Value v) {
        if (v instanceof Value.Text t) {
            return NODES.textNode(t.value());
        } else if (v instanceof Value.Number n) {
            return NODES.numberNode(n.value().scale() < 0 ? n.value().setScale(0) : n.value());
        } else if (v instanceof Value.Bool b) {
            return NODES.booleanNode(b.value());
        } else if (v instanceof Value.Day d) {
            return NODES.objectNode().put("date", d.date().toString());
        }
        Value.Relative r = (Value.Relative) v;
        return NODES.objectNode().put("now", r.isNow() ? "" : (r.past() ? "-" : "+") + r.offset());
    }

    public static Expression fromTree(JsonNode node) {
        return expression(node, "");
    }

    private static Expression expression(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw problem(at, "expected an object such as {\"field\": …} or {\"and\": […]}");
        }
        if (node.has("and")) {
            return new Expression.And(operands(node.get("and"), at + "/and"));
        } else if (node.has("or")) {
            return new Expression.Or(operands(node.get("or"), at + "/or"));
        } else if (node.has("not")) {
            return new Expression.Not(expression(node.get("not"), at + "/not"));
        } else if (node.has("flag")) {
            return new Expression.Flag(text(node, "flag", at));
        } else if (node.has("call")) {
            return new Expression.Call(text(node, "call", at), span(text(node, "window", at), at + "/window"));
        } else if (node.has("inSegment")) {
            return new Expression.InSegment(text(node, "inSegment", at));
        } else if (node.has("count")) {
            JsonNode number = node.get("value");
            if (number == null || !number.canConvertToLong() || !number.isIntegralNumber() || number.asLong() < 0) {
                throw problem(at + "/value", "expected a whole number of 0 or more");
            }
            return new Expression.Count(source(node, "count", at), where(node, at), operator(node, at),
                    number.asLong());
        } else if (node.has("first") || node.has("last")) {
            String which = node.has("first") ? "first" : "last";
            return new Expression.Extreme(Expression.Which.valueOf(which.toUpperCase(Locale.ROOT)), source(node, which, at),
                    where(node, at), text(node, "property", at), operator(node, at),
                    value(node.get("value"), at + "/value"));
        } else if (node.has("field")) {
            String field = text(node, "field", at);
            if (node.has("between")) {
                JsonNode ends = node.get("between");
                if (!ends.isArray() || ends.size() != 2) {
                    throw problem(at + "/between", "expected [low, high]");
                }
                return new Expression.Between(field, value(ends.get(0), at + "/between/0"),
                        value(ends.get(1), at + "/between/1"));
            } else if (node.has("in")) {
                JsonNode values = node.get("in");
                if (!values.isArray() || values.isEmpty()) {
                    throw problem(at + "/in", "expected a list of at least one value");
                }
                List<Value> list = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    list.add(value(values.get(i), at + "/in/" + i));
                }
                return new Expression.InList(field, list);
            }
            return new Expression.Comparison(field, operator(node, at), value(node.get("value"), at + "/value"));
        }
        throw problem(at, "expected one of and, or, not, field, flag, call, inSegment, count, first, last");
    }

    private static List<Expression> operands(JsonNode list, String at) {
        if (!list.isArray() || list.size() < 2) {
            throw problem(at, "expected a list of at least two expressions");
        }
        List<Expression> operands = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            operands.add(expression(list.get(i), at + "/" + i));
        }
        return operands;
    }

    private static Optional<Expression> where(JsonNode node, String at) {
        return node.has("where") ? Optional.of(expression(node.get("where"), at + "/where")) : Optional.empty();
    }

    private static Expression.Source source(JsonNode node, String name, String at) {
        String source = text(node, name, at);
        return switch (source) {
            case "contacts" -> Expression.Source.CONTACTS;
            case "cases" -> Expression.Source.CASES;
            default -> throw problem(at + "/" + name, "expected \"contacts\" or \"cases\", was \"" + source + "\"");
        };
    }

    private static Operator operator(JsonNode node, String at) {
        String symbol = text(node, "op", at);
        return Operator.ofSymbol(symbol)
                .orElseThrow(() -> problem(at + "/op", "expected one of =, !=, <, <=, >, >=, was \"" + symbol + "\""));
    }

    private static String text(JsonNode node, String name, String at) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw problem(at + "/" + name, "expected a text");
        }
        return value.textValue();
    }

    private static Value value(JsonNode node, String at) {
        if (node == null) {
            throw problem(at, "expected a value");
        } else if (node.isTextual()) {
            if (node.textValue().contains("\n") || node.textValue().contains("\r")) {
                throw problem(at, "a text value may not contain a line break");
            }
            return new Value.Text(node.textValue());
        } else if (node.isNumber()) {
            return new Value.Number(node.decimalValue());
        } else if (node.isBoolean()) {
            return new Value.Bool(node.booleanValue());
        } else if (node.isObject() && node.has("date") && node.get("date").isTextual()) {
            try {
                return new Value.Day(LocalDate.parse(node.get("date").textValue()));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw problem(at + "/date", "expected a date like 2026-01-31");
            }
        } else if (node.isObject() && node.has("now") && node.get("now").isTextual()) {
            String offset = node.get("now").textValue();
            if (offset.isEmpty()) {
                return Value.Relative.NOW;
            }
            char sign = offset.charAt(0);
            if (sign != '-' && sign != '+') {
                throw problem(at + "/now", "expected \"\", \"-90d\" or \"+8w\"");
            }
            Span span = span(offset.substring(1), at + "/now");
            return sign == '-' ? Value.Relative.minus(span) : Value.Relative.plus(span);
        }
        throw problem(at, "expected a text, number, true/false, {\"date\": …} or {\"now\": …}");
    }

    private static Span span(String text, String at) {
        try {
            return Span.parse(text);
        } catch (IllegalArgumentException e) {
            throw problem(at, e.getMessage());
        }
    }

    private static SegmentException problem(String pointer, String what) {
        String at = pointer.isEmpty() ? "/" : pointer;
        return new SegmentException(List.of(new SegmentProblem(SegmentProblem.Kind.JSON, 0, 0, at, List.of(),
                List.of(at, what))));
    }
}

package nl.maatwerk.core.segment;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One walk over a tree: resolves field names in their scope, checks operators and literal types, applies the
 * GDPR rules to attributes and follows {@code in segment} references depth-first, keeping the path of keys
 * being checked so that a reference back into the path is reported as a cycle. Returns the tree with canonical
 * field names; problems accumulate instead of stopping at the first.
 */
final class Checker {

    private final FieldCatalog catalog;
    private final String purpose;
    private final SegmentResolver resolver;
    private final Map<String, Expression> references;
    private final Deque<String> path;
    private final Positions positions;
    private final List<SegmentProblem> problems = new ArrayList<>();

    Checker(FieldCatalog catalog, String purpose, SegmentResolver resolver, Map<String, Expression> references,
            Deque<String> path, Positions positions) {
        this.catalog = catalog;
        this.purpose = purpose;
        this.resolver = resolver;
        this.references = references;
        this.path = path;
        this.positions = positions;
    }

    List<SegmentProblem> problems() {
        return problems;
    }

    Expression check(Expression e) {
        return check(e, Scope.CITIZEN);
    }

    private Expression check(Expression e, Scope scope) {
        if (e instanceof Expression.And and) {
            return new Expression.And(and.operands().stream().map(o -> check(o, scope)).toList());
        } else if (e instanceof Expression.Or or) {
            return new Expression.Or(or.operands().stream().map(o -> check(o, scope)).toList());
        } else if (e instanceof Expression.Not not) {
            return new Expression.Not(check(not.operand(), scope));
        } else if (e instanceof Expression.Comparison c) {
            FieldInfo f = field(e, c.field(), scope);
            if (f != null && operator(e, f, c.operator().symbol(), f.kind().operators().contains(c.operator()))) {
                value(c.value(), f);
            }
            return f == null ? c : new Expression.Comparison(f.name(), c.operator(), c.value());
        } else if (e instanceof Expression.Between b) {
            FieldInfo f = field(e, b.field(), scope);
            if (f != null && operator(e, f, "between", f.kind().allowsBetween())) {
                value(b.low(), f);
                value(b.high(), f);
            }
            return f == null ? b : new Expression.Between(f.name(), b.low(), b.high());
        } else if (e instanceof Expression.InList in) {
            FieldInfo f = field(e, in.field(), scope);
            if (f != null && operator(e, f, "in (…)", f.kind().allowsInList())) {
                in.values().forEach(v -> value(v, f));
            }
            return f == null ? in : new Expression.InList(f.name(), in.values());
        } else if (e instanceof Expression.Flag flag) {
            FieldInfo f = field(e, flag.field(), scope);
            if (f != null) {
                operator(e, f, "on its own", f.kind() == FieldKind.FLAG || f.kind() == FieldKind.BOOLEAN);
            }
            return f == null ? flag : new Expression.Flag(f.name());
        } else if (e instanceof Expression.Call call) {
            FieldInfo f = field(e, call.function(), scope);
            if (f != null) {
                operator(e, f, "(" + call.window() + ")", f.kind() == FieldKind.CALL);
            }
            return f == null ? call : new Expression.Call(f.name(), call.window());
        } else if (e instanceof Expression.InSegment s) {
            if (citizenOnly(e, "in segment", scope)) {
                reference(s);
            }
            return s;
        } else if (e instanceof Expression.Count count) {
            if (citizenOnly(e, "count(…)", scope)) {
                category(e, "count(" + count.source().code() + ")", FieldCatalog.categoryOf(count.source()));
            }
            return new Expression.Count(count.source(), where(count.where(), count.source()), count.operator(),
                    count.number());
        } else if (e instanceof Expression.Extreme x) {
            if (citizenOnly(e, x.which().code() + "(…)", scope)) {
                category(e, x.which().code() + "(" + x.source().code() + ")", FieldCatalog.categoryOf(x.source()));
            }
            FieldInfo time = FieldCatalog.timeOf(x.source());
            String property = x.property();
            if (property.equalsIgnoreCase(time.name())) {
                value(x.value(), time);
                property = time.name();
            } else {
                String suggestion = Suggestions.closest(property, List.of(time.name()));
                add(e, SegmentProblem.Kind.UNKNOWN_FIELD, property, List.of(time.name()), property,
                        suggestion.isEmpty() ? time.name() : suggestion);
            }
            return new Expression.Extreme(x.which(), x.source(), where(x.where(), x.source()), property,
                    x.operator(), x.value());
        }
        throw new IllegalArgumentException("unknown node " + e);
    }

    private Optional<Expression> where(Optional<Expression> where, Expression.Source source) {
        return where.map(w -> check(w, FieldCatalog.scopeOf(source)));
    }

    private FieldInfo field(Expression node, String name, Scope scope) {
        Optional<FieldInfo> found = catalog.find(scope, name);
        if (found.isEmpty()) {
            List<String> known = catalog.names(scope);
            add(node, SegmentProblem.Kind.UNKNOWN_FIELD, name, known, name, Suggestions.closest(name, known));
            return null;
        }
        FieldInfo f = found.get();
        if (f.category() != null) {
            category(node, f.name(), f.category());
        }
        if (f.column() == Column.ATTRIBUTE) {
            AttributeDefinition d = catalog.schema().attribute(f.attribute()).orElseThrow();
            if (d.specialCategory().isPresent()) {
                add(node, SegmentProblem.Kind.SPECIAL_CATEGORY, f.name(), List.of(), d.name(),
                        d.specialCategory().get());
            } else if (!d.purposes().contains(purpose)) {
                String registered = d.purposes().isEmpty() ? "none"
                        : d.purposes().stream().sorted().collect(Collectors.joining(", "));
                add(node, SegmentProblem.Kind.PURPOSE_NOT_ALLOWED, f.name(), List.copyOf(d.purposes()), d.name(),
                        purpose, registered);
            }
        }
        return f;
    }

    /** When the schema knows its purposes: the segment's purpose must cover the data category read. */
    private void category(Expression node, String what, String category) {
        catalog.schema().purpose(purpose).ifPresent(p -> {
            if (!p.dataCategories().contains(category)) {
                String covered = p.dataCategories().stream().sorted().collect(Collectors.joining(", "));
                add(node, SegmentProblem.Kind.CATEGORY_NOT_IN_PURPOSE, what, List.copyOf(p.dataCategories()), what,
                        category, purpose, covered.isEmpty() ? "none" : covered);
            }
        });
    }

    private boolean operator(Expression node, FieldInfo f, String operator, boolean allowed) {
        if (!allowed) {
            add(node, SegmentProblem.Kind.WRONG_OPERATOR, operator, List.of(f.kind().describeOperators()), operator,
                    f.name(), f.kind().describeOperators());
        }
        return allowed;
    }

    private void value(Value v, FieldInfo f) {
        String expected = switch (f.kind()) {
            case ENUM -> v instanceof Value.Text t && f.allowedValues().contains(t.value()) ? null
                    : "one of " + String.join(", ", f.allowedValues());
            case TEXT -> v instanceof Value.Text ? null : "a text in double quotes";
            case BOOLEAN -> v instanceof Value.Bool ? null : "true or false";
            case INTEGER, AGE -> v instanceof Value.Number n && n.isWhole() ? null : "a whole number";
            case DECIMAL -> v instanceof Value.Number ? null : "a number";
            case DATE, TIMESTAMP -> v instanceof Value.Day || v instanceof Value.Relative ? null
                    : "a date like 2026-01-31 or a moment like now - 90d";
            case FLAG, CALL -> "no value";
        };
        if (expected != null) {
            String written = Formatter.value(v);
            List<String> allowed = f.kind() == FieldKind.ENUM ? f.allowedValues() : List.of(expected);
            add(v, SegmentProblem.Kind.WRONG_VALUE, written, allowed, f.name(),
                    "expected " + expected + ", was " + written);
        }
    }

    private boolean citizenOnly(Expression node, String construct, Scope scope) {
        if (scope != Scope.CITIZEN) {
            add(node, SegmentProblem.Kind.MISPLACED, construct, List.of(), construct, scope.words());
        }
        return scope == Scope.CITIZEN;
    }

    private void reference(Expression.InSegment node) {
        String key = node.key();
        if (path.contains(key)) {
            List<String> cycle = new ArrayList<>();
            boolean inCycle = false;
            for (String k : path) {
                inCycle |= k.equals(key);
                if (inCycle) {
                    cycle.add(k);
                }
            }
            cycle.add(key);
            String text = String.join(" → ", cycle);
            add(node, SegmentProblem.Kind.CYCLE, key, List.of(), text);
            return;
        }
        if (references.containsKey(key)) {
            return;
        }
        Optional<String> text = resolver.find(key);
        if (text.isEmpty()) {
            add(node, SegmentProblem.Kind.UNKNOWN_SEGMENT, key, List.of(), key);
            return;
        }
        ParsedSegment parsed;
        try {
            parsed = SegmentLanguage.parseWithPositions(text.get());
        } catch (SegmentException e) {
            broken(node, key, e.problems());
            return;
        }
        path.addLast(key);
        Checker nested = new Checker(catalog, purpose, resolver, references, path, parsed.positions());
        Expression canonical = nested.check(parsed.expression());
        path.removeLast();
        List<SegmentProblem> others = new ArrayList<>();
        for (SegmentProblem p : nested.problems()) {
            if (p.kind() == SegmentProblem.Kind.CYCLE) {
                add(node, SegmentProblem.Kind.CYCLE, p.token(), List.of(), p.arguments().get(0));
            } else {
                others.add(p);
            }
        }
        if (!others.isEmpty()) {
            broken(node, key, others);
        } else if (nested.problems().isEmpty()) {
            references.put(key, canonical);
        }
    }

    private void broken(Expression node, String key, List<SegmentProblem> nested) {
        String messages = nested.stream().map(SegmentProblem::message).collect(Collectors.joining("; "));
        add(node, SegmentProblem.Kind.BROKEN_REFERENCE, key, List.of(), key, messages);
    }

    private void add(Object node, SegmentProblem.Kind kind, String token, List<String> expected, String... args) {
        problems.add(new SegmentProblem(kind, positions.line(node), positions.column(node),
                token, expected, List.of(args)));
    }
}

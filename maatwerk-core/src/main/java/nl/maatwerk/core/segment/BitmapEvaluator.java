package nl.maatwerk.core.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.Coded;
import nl.maatwerk.core.model.Codes;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * Evaluates a {@link Plan} over {@link IndexData} into a bitmap of member seqs. Boolean structure maps onto
 * bitmap algebra ({@code and}, {@code or}, {@code andNot} against the universe of indexed, not excluded
 * citizens); leaves read equality bitmaps or scan a column; {@code count}/{@code first}/{@code last} scan the
 * contacts in the filter's time window (or the case holders) and tally per citizen.
 *
 * <p>Bitmaps from columns are live, so nothing here modifies a bitmap in place: every step allocates. One
 * instance per evaluation, used by one thread, under the index's read lock.
 */
final class BitmapEvaluator {

    private static final long DIGITAL = mask(Channel.class, Arrays.stream(Channel.values())
            .filter(Channel::digital).map(Channel::code).toList());
    private static final long OPEN = ~mask(CaseStatus.class, List.of("decided", "closed"));

    private final IndexData data;
    private final RoaringBitmap universe;
    private final int seqs;
    private final Map<String, RoaringBitmap> segments = new HashMap<>();

    BitmapEvaluator(IndexData data) {
        this.data = data;
        this.universe = RoaringBitmap.andNot(data.citizens, data.excluded);
        this.seqs = data.citizens.isEmpty() ? 0 : data.citizens.last() + 1;
    }

    RoaringBitmap members(Plan plan) {
        return RoaringBitmap.and(evaluate(plan), universe);
    }

    private RoaringBitmap evaluate(Plan plan) {
        if (plan instanceof Plan.All all) {
            return all(all.parts());
        } else if (plan instanceof Plan.Any any) {
            List<RoaringBitmap> parts = new ArrayList<>();
            any.parts().forEach(p -> parts.add(evaluate(p)));
            return FastAggregation.or(parts.iterator());
        } else if (plan instanceof Plan.Not not) {
            return RoaringBitmap.andNot(universe, evaluate(not.part()));
        } else if (plan instanceof Plan.Range r) {
            NumberColumn column = whole(r.field());
            return column == null ? new RoaringBitmap() : column.range(r.from(), r.to(), r.negated());
        } else if (plan instanceof Plan.Among a) {
            Categorical column = categorical(a.field());
            if (column == null) {
                return new RoaringBitmap();
            }
            RoaringBitmap hits = column.among(a.values());
            return a.negated() ? RoaringBitmap.andNot(column.present(), hits) : hits;
        } else if (plan instanceof Plan.Decimal d) {
            IndexData.AttributeColumns columns = data.attributes.get(d.field().attribute());
            return columns == null ? new RoaringBitmap() : columns.numbers.compare(d.operator(), d.value());
        } else if (plan instanceof Plan.Documents d) {
            return documents(d);
        } else if (plan instanceof Plan.Count c) {
            return count(c);
        } else if (plan instanceof Plan.Extreme x) {
            return extreme(x);
        } else if (plan instanceof Plan.Reference ref) {
            RoaringBitmap done = segments.get(ref.key());
            if (done == null) {
                done = evaluate(ref.plan());
                segments.put(ref.key(), done);
            }
            return done;
        }
        throw new IllegalArgumentException("not a citizen-level plan: " + plan);
    }

    /** {@code a and b and not c}: intersect the positive parts, then subtract the negated ones. */
    private RoaringBitmap all(List<Plan> parts) {
        RoaringBitmap result = null;
        List<Plan> negatives = new ArrayList<>();
        for (Plan p : parts) {
            if (p instanceof Plan.Not not) {
                negatives.add(not.part());
            } else {
                RoaringBitmap b = evaluate(p);
                result = result == null ? b : RoaringBitmap.and(result, b);
            }
        }
        if (result == null) {
            result = universe;
        }
        for (Plan negative : negatives) {
            if (result.isEmpty()) {
                break;
            }
            result = RoaringBitmap.andNot(result, evaluate(negative));
        }
        return result;
    }

    private NumberColumn whole(Plan.Field field) {
        return switch (field.column()) {
            case BIRTH_DATE -> data.birthDay;
            case HOUSEHOLD_SIZE -> data.householdSize;
            case YOUNGEST_CHILD_AGE -> data.youngestChildAge;
            case ATTRIBUTE -> data.attributes.containsKey(field.attribute())
                    ? data.attributes.get(field.attribute()).dates : null;
            default -> throw new IllegalArgumentException("no number column " + field);
        };
    }

    private Categorical categorical(Plan.Field field) {
        return switch (field.column()) {
            case HOUSEHOLD_TYPE -> data.householdType;
            case POSTCODE -> data.postcode;
            case NEIGHBOURHOOD -> data.neighbourhood;
            case DISTRICT -> data.district;
            case LANGUAGE -> data.language;
            case STATUS -> data.status;
            case ATTRIBUTE -> data.attributes.containsKey(field.attribute())
                    ? data.attributes.get(field.attribute()).texts : null;
            default -> throw new IllegalArgumentException("no text column " + field);
        };
    }

    private RoaringBitmap documents(Plan.Documents d) {
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        long today = d.today();
        data.documents.holders().forEach((int seq) -> {
            boolean valid = false;
            boolean hit = false;
            for (StoredDocument doc : data.documents.rows(seq)) {
                valid |= doc.validOn(today);
                hit |= switch (d.test()) {
                    case TRAVEL_VALID -> doc.validOn(today);
                    case TRAVEL_EXPIRES_WITHIN -> doc.validOn(today) && doc.expiry() <= d.boundary();
                    case TRAVEL_EXPIRED_WITHIN -> doc.expiry() < today && doc.expiry() >= d.boundary();
                    default -> throw new IllegalArgumentException("no document test " + d.test());
                };
            }
            if (hit && (d.test() != Column.TRAVEL_EXPIRED_WITHIN || !valid)) {
                out.add(seq);
            }
        });
        return out.get();
    }

    private RoaringBitmap count(Plan.Count c) {
        int[] counts = new int[seqs];
        if (c.source() == Expression.Source.CONTACTS) {
            ContactStore.ContactTest test = contactTest(c.where(), data.contacts.topics());
            long[] window = window(c.where());
            data.contacts.forEach(window[0], window[1], test, (slot, seq) -> {
                if (seq < counts.length) {
                    counts[seq]++;
                }
            });
        } else {
            CaseTest test = caseTest(c.where());
            data.cases.holders().forEach((int seq) -> {
                if (seq < counts.length) {
                    for (StoredCase row : data.cases.rows(seq)) {
                        if (test.test(row)) {
                            counts[seq]++;
                        }
                    }
                }
            });
        }
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        universe.forEach((int seq) -> {
            int n = counts[seq];
            if ((n >= c.from() && n < c.to()) != c.negated()) {
                out.add(seq);
            }
        });
        return out.get();
    }

    private RoaringBitmap extreme(Plan.Extreme x) {
        boolean last = x.which() == Expression.Which.LAST;
        long none = last ? Long.MIN_VALUE : Long.MAX_VALUE;
        long[] best = new long[seqs];
        Arrays.fill(best, none);
        if (x.source() == Expression.Source.CONTACTS) {
            long[] window = window(x.where());
            data.contacts.forEach(window[0], window[1], contactTest(x.where(), data.contacts.topics()), (slot, seq) -> {
                if (seq < best.length) {
                    long t = data.contacts.occurredAt(slot);
                    best[seq] = last ? Math.max(best[seq], t) : Math.min(best[seq], t);
                }
            });
        } else {
            CaseTest test = caseTest(x.where());
            data.cases.holders().forEach((int seq) -> {
                if (seq < best.length) {
                    for (StoredCase row : data.cases.rows(seq)) {
                        if (test.test(row)) {
                            best[seq] = last ? Math.max(best[seq], row.submitted()) : Math.min(best[seq], row.submitted());
                        }
                    }
                }
            });
        }
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        for (int seq = 0; seq < best.length; seq++) {
            long t = best[seq];
            if (t != none && (t >= x.from() && t < x.to()) != x.negated()) {
                out.add(seq);
            }
        }
        return out.get();
    }

    /** The time window every matching contact lies in, from the filter's top-level {@code occurredAt} ranges. */
    static long[] window(Plan where) {
        long[] w = {Long.MIN_VALUE, Long.MAX_VALUE};
        if (where instanceof Plan.Range r && r.field().column() == Column.CONTACT_OCCURRED_AT && !r.negated()) {
            w[0] = r.from();
            w[1] = r.to();
        } else if (where instanceof Plan.All all) {
            for (Plan p : all.parts()) {
                long[] inner = window(p);
                w[0] = Math.max(w[0], inner[0]);
                w[1] = Math.min(w[1], inner[1]);
            }
        }
        return w;
    }

    static ContactStore.ContactTest contactTest(Plan where, Dictionary topics) {
        if (where == null) {
            return (store, slot) -> true;
        } else if (where instanceof Plan.All all) {
            ContactStore.ContactTest[] tests = all.parts().stream().map(p -> contactTest(p, topics))
                    .toArray(ContactStore.ContactTest[]::new);
            return (store, slot) -> {
                for (ContactStore.ContactTest t : tests) {
                    if (!t.test(store, slot)) {
                        return false;
                    }
                }
                return true;
            };
        } else if (where instanceof Plan.Any any) {
            ContactStore.ContactTest[] tests = any.parts().stream().map(p -> contactTest(p, topics))
                    .toArray(ContactStore.ContactTest[]::new);
            return (store, slot) -> {
                for (ContactStore.ContactTest t : tests) {
                    if (t.test(store, slot)) {
                        return true;
                    }
                }
                return false;
            };
        } else if (where instanceof Plan.Not not) {
            ContactStore.ContactTest inner = contactTest(not.part(), topics);
            return (store, slot) -> !inner.test(store, slot);
        } else if (where instanceof Plan.Flag) {
            return (store, slot) -> (DIGITAL & 1L << store.channel(slot)) != 0;
        } else if (where instanceof Plan.Range r) {
            long from = r.from();
            long to = r.to();
            boolean negated = r.negated();
            if (r.field().column() == Column.CONTACT_OCCURRED_AT) {
                return (store, slot) -> {
                    long t = store.occurredAt(slot);
                    return (t >= from && t < to) != negated;
                };
            }
            return (store, slot) -> {
                int s = store.satisfaction(slot);
                return s != 0 && (s >= from && s < to) != negated;
            };
        } else if (where instanceof Plan.Among a) {
            boolean negated = a.negated();
            switch (a.field().column()) {
                case CONTACT_CHANNEL -> {
                    long mask = mask(Channel.class, a.values());
                    return (store, slot) -> ((mask & 1L << store.channel(slot)) != 0) != negated;
                }
                case CONTACT_DIRECTION -> {
                    long mask = mask(Direction.class, a.values());
                    return (store, slot) -> ((mask & 1L << store.direction(slot)) != 0) != negated;
                }
                case CONTACT_KIND -> {
                    long mask = mask(ContactKind.class, a.values());
                    return (store, slot) -> ((mask & 1L << store.kind(slot)) != 0) != negated;
                }
                case CONTACT_TOPIC, CONTACT_SUBTOPIC -> {
                    boolean sub = a.field().column() == Column.CONTACT_SUBTOPIC;
                    char[] codes = new char[a.values().size()];
                    for (int i = 0; i < codes.length; i++) {
                        codes[i] = topics.find(a.values().get(i));
                    }
                    return (store, slot) -> {
                        char code = sub ? store.subtopic(slot) : store.topic(slot);
                        if (code == 0) {
                            return false;
                        }
                        boolean in = false;
                        for (char c : codes) {
                            in |= c == code;
                        }
                        return in != negated;
                    };
                }
                default -> throw new IllegalArgumentException("no contact column " + a.field());
            }
        }
        throw new IllegalArgumentException("not a contact filter: " + where);
    }

    /** A compiled case filter. */
    @FunctionalInterface
    interface CaseTest {
        boolean test(StoredCase row);
    }

    static CaseTest caseTest(Plan where) {
        if (where == null) {
            return row -> true;
        } else if (where instanceof Plan.All all) {
            List<CaseTest> tests = all.parts().stream().map(BitmapEvaluator::caseTest).toList();
            return row -> tests.stream().allMatch(t -> t.test(row));
        } else if (where instanceof Plan.Any any) {
            List<CaseTest> tests = any.parts().stream().map(BitmapEvaluator::caseTest).toList();
            return row -> tests.stream().anyMatch(t -> t.test(row));
        } else if (where instanceof Plan.Not not) {
            CaseTest inner = caseTest(not.part());
            return row -> !inner.test(row);
        } else if (where instanceof Plan.Flag) {
            return row -> (OPEN & 1L << row.status()) != 0;
        } else if (where instanceof Plan.Range r) {
            return row -> {
                long v;
                long missing;
                switch (r.field().column()) {
                    case CASE_SUBMITTED_AT -> {
                        v = row.submitted();
                        missing = StoredCase.NO_MOMENT;
                    }
                    case CASE_CLOSED_AT -> {
                        v = row.closed();
                        missing = StoredCase.NO_MOMENT;
                    }
                    case CASE_DECISION_DEADLINE -> {
                        v = row.decisionDeadline();
                        missing = NumberColumn.MISSING;
                    }
                    case CASE_DECISION_DATE -> {
                        v = row.decisionDate();
                        missing = NumberColumn.MISSING;
                    }
                    case CASE_OBJECTION_DEADLINE -> {
                        v = row.objectionDeadline();
                        missing = NumberColumn.MISSING;
                    }
                    default -> throw new IllegalArgumentException("no case column " + r.field());
                }
                return v != missing && (v >= r.from() && v < r.to()) != r.negated();
            };
        } else if (where instanceof Plan.Among a) {
            long mask = a.field().column() == Column.CASE_TYPE ? mask(CaseType.class, a.values())
                    : mask(CaseStatus.class, a.values());
            boolean type = a.field().column() == Column.CASE_TYPE;
            return row -> ((mask & 1L << (type ? row.type() : row.status())) != 0) != a.negated();
        }
        throw new IllegalArgumentException("not a case filter: " + where);
    }

    private static <E extends Enum<E> & Coded> long mask(Class<E> type, List<String> codes) {
        long mask = 0;
        for (String code : codes) {
            mask |= Codes.find(type, code).map(e -> 1L << e.ordinal()).orElse(0L);
        }
        return mask;
    }
}

package nl.maatwerk.core.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * Evaluates a {@link Plan} over {@link IndexData} into a bitmap of member seqs. Boolean structure maps onto
 * bitmap algebra ({@code and}, {@code or}, {@code andNot} against the universe of indexed, not excluded
 * citizens); leaves read equality bitmaps or scan a column; {@code count}/{@code first}/{@code last} scan the
 * contacts in the filter's time window (or the case holders) with a compiled filter ({@link ContactFilters},
 * {@link CaseFilters}) and tally per citizen.
 *
 * <p>Bitmaps from columns are live, so nothing here modifies a bitmap in place: every step allocates. One
 * instance per evaluation, used by one thread, under the index's read lock.
 */
final class BitmapEvaluator {

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
            ContactStore.ContactTest test = ContactFilters.test(c.where(), data.contacts.topics());
            long[] window = ContactFilters.window(c.where());
            data.contacts.forEach(window[0], window[1], test, (slot, seq) -> {
                if (seq < counts.length) {
                    counts[seq]++;
                }
            });
        } else {
            CaseFilters.CaseTest test = CaseFilters.test(c.where());
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
            long[] window = ContactFilters.window(x.where());
            ContactStore.ContactTest test = ContactFilters.test(x.where(), data.contacts.topics());
            data.contacts.forEach(window[0], window[1], test, (slot, seq) -> {
                if (seq < best.length) {
                    long t = data.contacts.occurredAt(slot);
                    best[seq] = last ? Math.max(best[seq], t) : Math.min(best[seq], t);
                }
            });
        } else {
            CaseFilters.CaseTest test = CaseFilters.test(x.where());
            data.cases.holders().forEach((int seq) -> {
                if (seq < best.length) {
                    for (StoredCase row : data.cases.rows(seq)) {
                        if (test.test(row)) {
                            long t = row.submitted();
                            best[seq] = last ? Math.max(best[seq], t) : Math.min(best[seq], t);
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

}

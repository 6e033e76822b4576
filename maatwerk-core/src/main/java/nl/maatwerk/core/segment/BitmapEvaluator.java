package nl.maatwerk.core.segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * Evaluates a {@link Plan} over {@link IndexData} into a bitmap of member seqs. Boolean structure maps onto
 * bitmap algebra against the universe of indexed citizens that neither objected to profiling nor withdrew consent
 * for the segment's purpose; leaves read equality bitmaps or scan a column; {@code count}/{@code first}/{@code
 * last} look at each candidate's contacts ({@link ContactStore}) or cases.
 *
 * <p><b>Narrowing.</b> Every step is evaluated <em>within</em> a set of candidates and only has to be right for
 * them: an {@code and} evaluates its cheap parts first (citizen columns, then documents and cases, then contact
 * aggregates and nested segments) and hands each the candidates the earlier ones left; an {@code or} hands each
 * part the candidates not yet in. So a contact aggregate next to "age between 25 and 40 and district in (…)" reads
 * only those citizens' contacts.
 *
 * <p>Bitmaps from columns are live, so nothing here modifies a bitmap in place: every step allocates. One
 * instance per evaluation, used by one thread, under the index's read lock.
 */
final class BitmapEvaluator {

    private final IndexData data;
    private final String purpose;
    private final Map<String, Known> segments = new HashMap<>();
    /** The evaluation instant, in seconds since 2000 like the contact columns. */
    private final long now;

    BitmapEvaluator(IndexData data, String purpose, Instant now) {
        this.data = data;
        this.purpose = purpose;
        this.now = ContactFilter.relative(now.getEpochSecond());
    }

    RoaringBitmap members(Plan plan) {
        RoaringBitmap allowed = RoaringBitmap.andNot(data.citizens, data.excluded);
        RoaringBitmap withdrawn = data.withdrawn.get(purpose);
        RoaringBitmap universe = withdrawn == null ? allowed : RoaringBitmap.andNot(allowed, withdrawn);
        return RoaringBitmap.and(evaluate(plan, universe), universe);
    }

    /** The number of members; a plain range on a bucketed column ("age between …") is counted without its bitmap. */
    long count(Plan plan) {
        if (plan instanceof Plan.Range r && !r.negated() && r.field().column() == Column.BIRTH_DATE) {
            // birth-date buckets hold only indexed citizens, so "outside" is the few excluded or withdrawn ones
            RoaringBitmap withdrawn = data.withdrawn.get(purpose);
            RoaringBitmap outside = withdrawn == null ? data.excluded : RoaringBitmap.or(data.excluded, withdrawn);
            return data.birthDay.count(r.from(), r.to(), outside);
        }
        return members(plan).getLongCardinality();
    }

    /** A bitmap that holds exactly the members among {@code within} (and perhaps others outside it). */
    private RoaringBitmap evaluate(Plan plan, RoaringBitmap within) {
        if (plan instanceof Plan.All all) {
            return all(all.parts(), within);
        } else if (plan instanceof Plan.Any any) {
            return any(any.parts(), within);
        } else if (plan instanceof Plan.Not not) {
            return RoaringBitmap.andNot(within, evaluate(not.part(), within));
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
            return documents(d, within);
        } else if (plan instanceof Plan.Count c) {
            return c.source() == Expression.Source.CONTACTS ? countContacts(c, within) : countCases(c, within);
        } else if (plan instanceof Plan.Extreme x) {
            return x.source() == Expression.Source.CONTACTS ? extremeContact(x, within) : extremeCase(x, within);
        } else if (plan instanceof Plan.Reference ref) {
            return reference(ref, within);
        }
        throw new IllegalArgumentException("not a citizen-level plan: " + plan);
    }

    /**
     * Another segment's members among {@code within}: remembered for the citizens already asked about in this
     * evaluation, so a segment referenced from several places is evaluated only for the ones not yet seen.
     */
    private RoaringBitmap reference(Plan.Reference ref, RoaringBitmap within) {
        Known known = segments.get(ref.key());
        if (known == null) {
            RoaringBitmap members = RoaringBitmap.and(within, evaluate(ref.plan(), within));
            segments.put(ref.key(), new Known(within, members));
            return members;
        }
        RoaringBitmap unseen = RoaringBitmap.andNot(within, known.asked());
        if (unseen.isEmpty()) {
            return known.members();
        }
        RoaringBitmap members = RoaringBitmap.or(known.members(),
                RoaringBitmap.and(unseen, evaluate(ref.plan(), unseen)));
        segments.put(ref.key(), new Known(RoaringBitmap.or(known.asked(), unseen), members));
        return members;
    }

    /** A referenced segment's {@code members} among the citizens {@code asked} about so far. */
    private record Known(RoaringBitmap asked, RoaringBitmap members) {
    }

    /** {@code a and b and …}: cheapest first, each within what the ones before left. */
    private RoaringBitmap all(List<Plan> parts, RoaringBitmap within) {
        List<Plan> ordered = mergeCounts(parts);
        ordered.sort(Comparator.comparingInt(this::cost).thenComparing(p -> p instanceof Plan.Not));
        RoaringBitmap candidates = within;
        for (Plan p : ordered) {
            if (candidates.isEmpty()) {
                break;
            }
            candidates = RoaringBitmap.and(candidates, evaluate(p, candidates));
        }
        return candidates;
    }

    /** {@code count(X) >= a and count(X) <= b} becomes one count in {@code [a, b]}, so X is counted once. */
    private static List<Plan> mergeCounts(List<Plan> parts) {
        List<Plan> merged = new ArrayList<>(parts.size());
        for (Plan p : parts) {
            int same = -1;
            if (p instanceof Plan.Count c && !c.negated()) {
                for (int i = 0; i < merged.size() && same < 0; i++) {
                    if (merged.get(i) instanceof Plan.Count m && !m.negated() && m.source() == c.source()
                            && java.util.Objects.equals(m.where(), c.where())) {
                        same = i;
                    }
                }
            }
            if (same < 0) {
                merged.add(p);
            } else {
                Plan.Count m = (Plan.Count) merged.get(same);
                Plan.Count c = (Plan.Count) p;
                merged.set(same, new Plan.Count(c.source(), c.where(), Math.max(m.from(), c.from()),
                        Math.min(m.to(), c.to()), false));
            }
        }
        return merged;
    }

    /** {@code a or b or …}: cheapest first, each within the candidates not yet in. */
    private RoaringBitmap any(List<Plan> parts, RoaringBitmap within) {
        List<Plan> ordered = new ArrayList<>(parts);
        ordered.sort(Comparator.comparingInt(this::cost));
        RoaringBitmap in = new RoaringBitmap();
        RoaringBitmap open = within;
        for (Plan p : ordered) {
            if (open.isEmpty()) {
                break;
            }
            RoaringBitmap hits = RoaringBitmap.and(open, evaluate(p, open));
            in = RoaringBitmap.or(in, hits);
            open = RoaringBitmap.andNot(open, hits);
        }
        return in;
    }

    /**
     * 0: a citizen column; 1: documents and cases (per-citizen lists); 2: the first or last contact at all; 3: a
     * contact aggregate over at most about a quarter; 4: over a longer window. Another segment costs what its parts do.
     */
    private int cost(Plan plan) {
        if (plan instanceof Plan.All all) {
            return all.parts().stream().mapToInt(this::cost).max().orElse(0);
        } else if (plan instanceof Plan.Any any) {
            return any.parts().stream().mapToInt(this::cost).max().orElse(0);
        } else if (plan instanceof Plan.Not not) {
            return cost(not.part());
        } else if (plan instanceof Plan.Documents) {
            return 1;
        } else if (plan instanceof Plan.Count c) {
            return c.source() == Expression.Source.CONTACTS ? contactCost(c.where(), false, decisive(c.from(), c.to())) : 1;
        } else if (plan instanceof Plan.Extreme x) {
            return x.source() == Expression.Source.CONTACTS ? contactCost(x.where(), true, 0) : 1;
        } else if (plan instanceof Plan.Reference ref) {
            return cost(ref.plan());
        }
        return 0;
    }

    private int contactCost(Plan where, boolean extreme, int limit) {
        boolean existenceOnly = limit == 1;
        if (extreme && where == null) {
            return 2;
        }
        ContactFilter filter = ContactFilter.compile(where, data.contacts.topics());
        if (filter.timeOnly() || filter.channelsOnly() && filter.window()[1] > Integer.MAX_VALUE && (extreme || limit <= 1)) {
            return 1;   // per-period tallies or newest times: contacts read only where the edge periods could tip it
        }
        if (ContactPresence.answers(filter) && (extreme || existenceOnly)) {
            return 1;   // presence bitmaps, contacts read only in the two edge periods
        }
        if (ContactPresence.answers(filter) && limit == 2) {
            return 2;   // the same, counting to two
        }
        long[] window = filter.window();
        long end = Math.min(window[1], now);
        return window[0] != Long.MIN_VALUE && end - window[0] <= 100L * 86_400 ? 3 : 4;
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

    private RoaringBitmap documents(Plan.Documents d, RoaringBitmap within) {
        long today = d.today();
        RoaringBitmap candidates = switch (d.test()) {
            case TRAVEL_EXPIRES_WITHIN -> data.expiry.expiringBetween(today, d.boundary());
            case TRAVEL_EXPIRED_WITHIN -> data.expiry.expiringBetween(d.boundary(), today - 1);
            default -> data.documents.holders();
        };
        return select(RoaringBitmap.and(within, candidates), seq -> {
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
            return hit && (d.test() != Column.TRAVEL_EXPIRED_WITHIN || !valid);
        });
    }

    /** Counting beyond this cannot change whether {@code n} lies in {@code [from, to)}. */
    private static int decisive(long from, long to) {
        long limit = to == Long.MAX_VALUE ? from : to;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, limit));
    }

    private RoaringBitmap countContacts(Plan.Count c, RoaringBitmap within) {
        ContactStore contacts = data.contacts;
        ContactFilter filter = ContactFilter.compile(c.where(), contacts.topics());
        long[] window = filter.window();
        int limit = decisive(c.from(), c.to());
        long from = c.from();
        long to = c.to();
        boolean negated = c.negated();
        boolean zeroCounts = (0 >= from && 0 < to) != negated;
        if (limit <= 1 && filter.channelsOnly() && window[1] > Integer.MAX_VALUE) {
            RoaringBitmap some = latestFrom(within, filter.channels, window[0]);
            RoaringBitmap result = (1 >= from && 1 < to) != negated ? some : new RoaringBitmap();
            return zeroCounts ? RoaringBitmap.or(result, RoaringBitmap.andNot(within, some)) : result;
        }
        if (filter.timeOnly()) {
            return tallied(within, filter, window, from, to, negated, limit);
        }
        if (within.getCardinality() <= readDirectlyUpTo) {
            return select(within, seq -> {
                int count = contacts.count(seq, filter, window, limit);
                return (count >= from && count < to) != negated;
            });
        }
        if (limit == 2 && ContactPresence.answers(filter)) {
            return twice(within, filter, window, from, to, negated);
        }
        ContactPresence.Lookup presence = contacts.presence(filter, window);
        RoaringBitmap none = zeroCounts ? RoaringBitmap.andNot(within, presence.possible()) : new RoaringBitmap();
        RoaringBitmap maybe = RoaringBitmap.and(within, presence.possible());
        if (limit == 1 && presence.certain() != null) {
            // Only "none" or "some" matters: the certain ones need no reading.
            boolean someCounts = (1 >= from && 1 < to) != negated;
            RoaringBitmap some = withOne(maybe, presence.certain(), seq -> contacts.count(seq, filter, window, 1) > 0);
            RoaringBitmap result = someCounts ? some : new RoaringBitmap();
            return zeroCounts ? RoaringBitmap.or(result, RoaringBitmap.or(none, RoaringBitmap.andNot(maybe, some)))
                    : result;
        }
        return RoaringBitmap.or(none, select(maybe, seq -> {
            int count = contacts.count(seq, filter, window, limit);
            return (count >= from && count < to) != negated;
        }));
    }

    /**
     * A count whose answer depends only on none / one / two or more matches, for a filter the presence bitmaps
     * answer: the saturating counts to two over whole periods and over every touched period leave only citizens
     * whose edge periods could change the answer to be read.
     */
    private RoaringBitmap twice(RoaringBitmap within, ContactFilter filter, long[] window, long from, long to,
            boolean negated) {
        ContactPresence.Twice t = data.contacts.twice(filter, window);
        boolean[] answer = new boolean[3];   // for 0, 1, 2 or more matches
        for (int n = 0; n < 3; n++) {
            answer[n] = (n >= from && n < to) != negated;
        }
        // each citizen's count lies between a lower bound (whole periods) and an upper one (every touched period),
        // both 0, 1 or "2 or more"; only where the answer differs within those bounds are contacts read
        RoaringBitmap in = RoaringBitmap.and(within, t.possible1());
        RoaringBitmap upTo1 = RoaringBitmap.andNot(in, t.possible2());
        RoaringBitmap upTo2 = RoaringBitmap.and(in, t.possible2());
        RoaringBitmap[][] bounded = {
            {RoaringBitmap.andNot(upTo1, t.certain1()), RoaringBitmap.and(upTo1, t.certain1())},
            {RoaringBitmap.andNot(upTo2, t.certain1()), RoaringBitmap.andNot(RoaringBitmap.and(upTo2, t.certain1()),
                    t.certain2()), RoaringBitmap.and(upTo2, t.certain2())}};
        RoaringBitmap result = answer[0] ? RoaringBitmap.andNot(within, t.possible1()) : new RoaringBitmap();
        RoaringBitmap read = new RoaringBitmap();
        for (int upper = 1; upper <= 2; upper++) {
            for (int lower = 0; lower <= upper; lower++) {
                boolean same = true;
                for (int n = lower; n < upper; n++) {
                    same &= answer[n] == answer[n + 1];
                }
                if (!same) {
                    read.or(bounded[upper - 1][lower]);
                } else if (answer[lower]) {
                    result.or(bounded[upper - 1][lower]);
                }
            }
        }
        result.or(select(read, seq -> {
            int count = data.contacts.count(seq, filter, window, 2);
            return (count >= from && count < to) != negated;
        }));
        return result;
    }

    /**
     * Up to this many candidates, a contact aggregate reads their contacts rather than union presence bitmaps (tests
     * lower it so their small populations go through the bitmaps too).
     */
    static volatile int readDirectlyUpTo = 16_384;

    /**
     * {@code count(contacts where <time only>)} in {@code [from, to)} (or not): decided from the per-period tallies
     * ({@link ContactTally}) for every candidate whose whole-period count and all-touched-periods count agree on the
     * answer; only the others have their contacts read.
     */
    private RoaringBitmap tallied(RoaringBitmap within, ContactFilter filter, long[] window, long from, long to,
            boolean negated, int limit) {
        if (within.isEmpty()) {
            return new RoaringBitmap();
        }
        ContactStore contacts = data.contacts;
        ContactTally.Bounds bounds = contacts.tally(window[0], window[1]);
        int capacity = contacts.citizenCapacity();
        boolean zeroCounts = (0 >= from && 0 < to) != negated;
        long[] in = BitSetUtil.toLongArray(within);
        long[] yes = new long[in.length];
        long[] read = new long[in.length];
        if (within.getCardinality() >= parallelFrom && ForkJoinPool.getCommonPoolParallelism() > 0) {
            int half = in.length / 2;
            ForkJoinTask<?> second = ForkJoinPool.commonPool().submit(
                    () -> classify(in, yes, read, half, in.length, bounds, capacity, from, to, negated, zeroCounts));
            classify(in, yes, read, 0, half, bounds, capacity, from, to, negated, zeroCounts);
            second.join();
        } else {
            classify(in, yes, read, 0, in.length, bounds, capacity, from, to, negated, zeroCounts);
        }
        RoaringBitmap sure = BitSetUtil.bitmapOf(yes);
        RoaringBitmap unsure = BitSetUtil.bitmapOf(read);
        if (!bounds.overflow().isEmpty()) {
            RoaringBitmap over = RoaringBitmap.and(within, bounds.overflow());
            sure.andNot(over);
            unsure.or(over);
        }
        return RoaringBitmap.or(sure, select(unsure, seq -> {
            int count = contacts.count(seq, filter, window, limit);
            return (count >= from && count < to) != negated;
        }));
    }

    /**
     * The citizens of {@code within} with a contact through one of {@code channels} at or after {@code lo} (seconds
     * since 2000): their newest such contact is that late ({@link ContactLatest}); nothing is read.
     */
    private RoaringBitmap latestFrom(RoaringBitmap within, long channels, long lo) {
        if (within.isEmpty() || lo > Integer.MAX_VALUE) {
            return new RoaringBitmap();
        }
        ContactLatest latest = data.contacts.latest();
        int all = (1 << ContactLatest.CHANNELS) - 1;
        int[] asked = java.util.stream.IntStream.range(0, ContactLatest.CHANNELS)
                .filter(c -> (channels >>> c & 1L) != 0).toArray();
        boolean every = (channels & all) == all;
        int[] times = every ? latest.any() : latest.byChannel();
        int capacity = latest.capacity();
        int threshold = (int) Math.max(lo, Integer.MIN_VALUE + 1L);
        long[] in = BitSetUtil.toLongArray(within);
        long[] out = new long[in.length];
        if (within.getCardinality() >= parallelFrom && ForkJoinPool.getCommonPoolParallelism() > 0) {
            int half = in.length / 2;
            ForkJoinTask<?> second = ForkJoinPool.commonPool().submit(
                    () -> newest(in, out, half, in.length, times, every, asked, capacity, threshold));
            newest(in, out, 0, half, times, every, asked, capacity, threshold);
            second.join();
        } else {
            newest(in, out, 0, in.length, times, every, asked, capacity, threshold);
        }
        return BitSetUtil.bitmapOf(out);
    }

    private static void newest(long[] in, long[] out, int fromWord, int toWord, int[] times, boolean every,
            int[] asked, int capacity, int threshold) {
        for (int i = fromWord; i < toWord; i++) {
            long word = in[i];
            long hits = 0;
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                word &= word - 1;
                int seq = i << 6 | bit;
                if (seq >= capacity) {
                    continue;
                }
                if (every) {
                    if (times[seq] >= threshold) {
                        hits |= 1L << bit;
                    }
                } else {
                    int base = seq * ContactLatest.CHANNELS;
                    for (int c : asked) {
                        if (times[base + c] >= threshold) {
                            hits |= 1L << bit;
                            break;
                        }
                    }
                }
            }
            out[i] = hits;
        }
    }

    /** Sorts the seqs of {@code in} into certain members ({@code yes}) and those to read, from tally bounds. */
    private static void classify(long[] in, long[] yes, long[] read, int fromWord, int toWord, ContactTally.Bounds b,
            int capacity, long from, long to, boolean negated, boolean zeroCounts) {
        char[] lowerTo = b.lowerTo();
        char[] lowerFrom = b.lowerFrom();
        char[] upperTo = b.upperTo();
        char[] upperFrom = b.upperFrom();
        for (int i = fromWord; i < toWord; i++) {
            long word = in[i];
            long y = 0;
            long r = 0;
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                word &= word - 1;
                int seq = i << 6 | bit;
                if (seq >= capacity) {
                    if (zeroCounts) {
                        y |= 1L << bit;
                    }
                    continue;
                }
                int lower = lowerTo[seq] - lowerFrom[seq];
                int upper = upperTo[seq] - upperFrom[seq];
                boolean lowerIn = lower >= from && lower < to;
                if (lowerIn && upper < to) {
                    if (!negated) {
                        y |= 1L << bit;
                    }
                } else if (upper < from || lower >= to) {
                    if (negated) {
                        y |= 1L << bit;
                    }
                } else {
                    r |= 1L << bit;
                }
            }
            yes[i] = y;
            read[i] = r;
        }
    }

    /** The citizens of {@code maybe} with a match: {@code certain} ones without reading, the rest by {@code test}. */
    private static RoaringBitmap withOne(RoaringBitmap maybe, RoaringBitmap certain, SeqTest test) {
        RoaringBitmap sure = RoaringBitmap.and(maybe, certain);
        return RoaringBitmap.or(sure, select(RoaringBitmap.andNot(maybe, sure), test));
    }

    /** A test of one citizen. */
    @FunctionalInterface
    private interface SeqTest {
        boolean test(int seq);
    }

    /** Below this many candidates a scan stays on the calling thread (tests lower it to split small scans too). */
    static volatile int parallelFrom = 50_000;

    /**
     * The seqs of {@code within} that pass {@code test}, through plain bit sets (cheaper than bitmap iteration); a
     * wide scan is split in two halves by seq, the second run by the common fork-join pool (the test only reads).
     */
    private static RoaringBitmap select(RoaringBitmap within, SeqTest test) {
        if (within.isEmpty()) {
            return new RoaringBitmap();
        }
        long[] in = BitSetUtil.toLongArray(within);
        long[] out = new long[in.length];
        if (within.getCardinality() >= parallelFrom && ForkJoinPool.getCommonPoolParallelism() > 0) {
            int half = in.length / 2;
            ForkJoinTask<?> second = ForkJoinPool.commonPool().submit(() -> scan(in, out, half, in.length, test));
            scan(in, out, 0, half, test);
            second.join();
        } else {
            scan(in, out, 0, in.length, test);
        }
        return BitSetUtil.bitmapOf(out);
    }

    private static void scan(long[] in, long[] out, int fromWord, int toWord, SeqTest test) {
        for (int i = fromWord; i < toWord; i++) {
            long word = in[i];
            long hits = 0;
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (test.test(i << 6 | bit)) {
                    hits |= 1L << bit;
                }
            }
            out[i] = hits;
        }
    }

    private RoaringBitmap countCases(Plan.Count c, RoaringBitmap within) {
        CaseFilters.CaseTest test = CaseFilters.test(c.where());
        RoaringBitmap holders = data.cases.holders();
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        RoaringBitmap.and(within, holders).forEach((int seq) -> {
            int n = 0;
            for (StoredCase row : data.cases.rows(seq)) {
                if (test.test(row)) {
                    n++;
                }
            }
            if ((n >= c.from() && n < c.to()) != c.negated()) {
                out.add(seq);
            }
        });
        RoaringBitmap result = out.get();
        boolean noneCounts = (0 >= c.from() && 0 < c.to()) != c.negated();
        return noneCounts ? RoaringBitmap.or(result, RoaringBitmap.andNot(within, holders)) : result;
    }

    private RoaringBitmap extremeContact(Plan.Extreme x, RoaringBitmap within) {
        ContactStore contacts = data.contacts;
        ContactFilter filter = ContactFilter.compile(x.where(), contacts.topics());
        long[] window = filter.window();
        boolean last = x.which() == Expression.Which.LAST;
        long from = ContactFilter.relative(x.from());
        long to = ContactFilter.relative(x.to());
        boolean negated = x.negated();
        if (!negated && last) {
            window[0] = Math.max(window[0], from);   // older matches cannot make the last one late enough
        } else if (!negated) {
            window[1] = Math.min(window[1], to);     // nor can newer ones make the first one early enough
        }
        if (ContactPresence.answers(filter)) {
            // The last match lies in [from, to) iff some match is at or after from and none at or after to (the
            // first: some before to, none before from); each "some" is a presence (or tally) lookup plus the edge
            // periods. Only the negated form needs "some match at all".
            long[] all = filter.window();
            RoaringBitmap base = negated ? exists(filter, all[0], all[1], within) : within;
            RoaringBitmap inRange;
            if (last) {
                RoaringBitmap after = exists(filter, Math.max(all[0], from), all[1], base);
                inRange = RoaringBitmap.andNot(after, exists(filter, Math.max(all[0], to), all[1], after));
            } else {
                RoaringBitmap before = exists(filter, all[0], Math.min(all[1], to), base);
                inRange = RoaringBitmap.andNot(before, exists(filter, all[0], Math.min(all[1], from), before));
            }
            return negated ? RoaringBitmap.andNot(base, inRange) : inRange;
        }
        // Without a matching contact in the window there is no time to compare: only possible ones are read.
        RoaringBitmap maybe = within.getCardinality() <= readDirectlyUpTo ? within
                : RoaringBitmap.and(within, contacts.presence(filter, window).possible());
        return select(maybe, seq -> {
            long t = contacts.extreme(seq, filter, window, last);
            return t != ContactStore.NO_TIME && (t >= from && t < to) != negated;
        });
    }

    /** The citizens of {@code within} with a contact passing {@code filter} in {@code [lo, hi)} (exactly, among them). */
    private RoaringBitmap exists(ContactFilter filter, long lo, long hi, RoaringBitmap within) {
        if (lo >= hi || within.isEmpty()) {
            return new RoaringBitmap();
        }
        long[] window = {lo, hi};
        if (filter.channelsOnly() && hi > Integer.MAX_VALUE) {
            return latestFrom(within, filter.channels, lo);
        }
        if (filter.timeOnly()) {
            return tallied(within, filter, window, 1, Long.MAX_VALUE, false, 1);
        }
        if (within.getCardinality() <= readDirectlyUpTo) {
            return select(within, seq -> data.contacts.count(seq, filter, window, 1) > 0);
        }
        ContactPresence.Lookup presence = data.contacts.presence(filter, window);
        RoaringBitmap maybe = RoaringBitmap.and(within, presence.possible());
        return presence.certain() == null
                ? select(maybe, seq -> data.contacts.count(seq, filter, window, 1) > 0)
                : withOne(maybe, presence.certain(), seq -> data.contacts.count(seq, filter, window, 1) > 0);
    }

    private RoaringBitmap extremeCase(Plan.Extreme x, RoaringBitmap within) {
        boolean last = x.which() == Expression.Which.LAST;
        CaseFilters.CaseTest test = CaseFilters.test(x.where());
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        RoaringBitmap.and(within, data.cases.holders()).forEach((int seq) -> {
            long best = 0;
            boolean found = false;
            for (StoredCase row : data.cases.rows(seq)) {
                if (test.test(row)) {
                    long t = row.submitted();
                    best = !found ? t : last ? Math.max(best, t) : Math.min(best, t);
                    found = true;
                }
            }
            if (found && (best >= x.from() && best < x.to()) != x.negated()) {
                out.add(seq);
            }
        });
        return out.get();
    }
}

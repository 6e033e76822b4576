package nl.maatwerk.core.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;

/**
 * The {@code where} of {@code count(contacts …)}, {@code last(contacts …)} compiled for a plain loop over contact
 * columns. A conjunction of column tests (the usual shape: "channel in (…) and topic = … and occurredAt &gt; now -
 * 90d") folds into one <em>leaf</em>: a bit mask per code column (channel, direction, kind, satisfaction with bit 0
 * for "none"), an allowed-code table per topic column, and a time range; testing a contact is a few shifts and
 * array reads. Anything else ({@code or}, {@code not} of several tests, a negated time range) becomes a small tree
 * of such leaves.
 *
 * <p>Topic codes are looked up in the dictionary when compiling, so a filter is valid while the dictionary does
 * not change (one evaluation, under the index's read lock).
 */
final class ContactFilter {

    private static final long DIGITAL = Masks.of(Channel.class, Arrays.stream(Channel.values())
            .filter(Channel::digital).map(Channel::code).toList());
    private static final long ALL = -1L;

    private enum Shape { LEAF, AND, OR, NOT }

    private final Shape shape;
    private final ContactFilter[] parts;
    long channels = ALL;
    long directions = ALL;
    long kinds = ALL;
    long satisfactions = ALL;
    boolean[] topics;
    boolean[] subtopics;
    /** Seconds since {@link ContactStore#EPOCH_2000}, {@code [from, to)}. */
    long from = Long.MIN_VALUE;
    long to = Long.MAX_VALUE;

    private ContactFilter(Shape shape, ContactFilter[] parts) {
        this.shape = shape;
        this.parts = parts;
    }

    /** True when only the time is tested: every contact in {@link #window()} matches. */
    boolean timeOnly() {
        return shape == Shape.LEAF && channels == ALL && directions == ALL && kinds == ALL && satisfactions == ALL
                && topics == null && subtopics == null;
    }

    /** True when only channel and time are tested (the newest-contact times per channel answer "some match after"). */
    boolean channelsOnly() {
        return shape == Shape.LEAF && directions == ALL && kinds == ALL && satisfactions == ALL && topics == null
                && subtopics == null;
    }

    /** True when this is one conjunction of column tests (the loop can inline it). */
    boolean isLeaf() {
        return shape == Shape.LEAF;
    }

    static ContactFilter compile(Plan where, Dictionary dictionary) {
        ContactFilter leaf = new ContactFilter(Shape.LEAF, null);
        if (where == null || leaf.fold(where, dictionary)) {
            return leaf;
        }
        return tree(where, dictionary);
    }

    private static ContactFilter tree(Plan where, Dictionary dictionary) {
        ContactFilter leaf = new ContactFilter(Shape.LEAF, null);
        if (leaf.fold(where, dictionary)) {
            return leaf;
        }
        if (where instanceof Plan.All all) {
            return node(Shape.AND, all.parts(), dictionary);
        } else if (where instanceof Plan.Any any) {
            return node(Shape.OR, any.parts(), dictionary);
        } else if (where instanceof Plan.Not not) {
            return new ContactFilter(Shape.NOT, new ContactFilter[] {tree(not.part(), dictionary)});
        } else if (where instanceof Plan.Range r && r.negated()) {
            Plan.Range inside = new Plan.Range(r.field(), r.from(), r.to(), false);
            return new ContactFilter(Shape.NOT, new ContactFilter[] {tree(inside, dictionary)});
        }
        throw new IllegalArgumentException("not a contact filter: " + where);
    }

    private static ContactFilter node(Shape shape, List<Plan> plans, Dictionary dictionary) {
        List<ContactFilter> parts = new ArrayList<>();
        for (Plan p : plans) {
            parts.add(tree(p, dictionary));
        }
        return new ContactFilter(shape, parts.toArray(ContactFilter[]::new));
    }

    /** Narrows this leaf by {@code where}; false (and this leaf unusable) when it is not a conjunction of tests. */
    private boolean fold(Plan where, Dictionary dictionary) {
        if (where instanceof Plan.All all) {
            for (Plan p : all.parts()) {
                if (!fold(p, dictionary)) {
                    return false;
                }
            }
            return true;
        } else if (where instanceof Plan.Flag) {
            channels &= DIGITAL;
            return true;
        } else if (where instanceof Plan.Range r) {
            if (r.field().column() == Column.CONTACT_OCCURRED_AT) {
                if (r.negated()) {
                    return false;
                }
                from = Math.max(from, relative(r.from()));
                to = Math.min(to, relative(r.to()));
                return true;
            }
            long allowed = 0;
            for (int s = 1; s <= 5; s++) {
                if ((s >= r.from() && s < r.to()) != r.negated()) {
                    allowed |= 1L << s;
                }
            }
            satisfactions &= allowed;
            return true;
        } else if (where instanceof Plan.Among a) {
            boolean negated = a.negated();
            switch (a.field().column()) {
                case CONTACT_CHANNEL -> channels &= mask(Masks.of(Channel.class, a.values()), negated);
                case CONTACT_DIRECTION -> directions &= mask(Masks.of(Direction.class, a.values()), negated);
                case CONTACT_KIND -> kinds &= mask(Masks.of(ContactKind.class, a.values()), negated);
                case CONTACT_TOPIC -> topics = and(topics, codes(a, dictionary));
                case CONTACT_SUBTOPIC -> subtopics = and(subtopics, codes(a, dictionary));
                default -> throw new IllegalArgumentException("no contact column " + a.field());
            }
            return true;
        }
        return false;
    }

    private static long mask(long mask, boolean negated) {
        return negated ? ~mask : mask;
    }

    /** Allowed codes (index = code); code 0 ("no value") is never allowed, negated or not. */
    private static boolean[] codes(Plan.Among a, Dictionary dictionary) {
        boolean[] allowed = new boolean[dictionary.size() + 1];
        if (a.negated()) {
            Arrays.fill(allowed, true);
        }
        for (String v : a.values()) {
            char code = dictionary.find(v);
            if (code != 0) {
                allowed[code] = !a.negated();
            }
        }
        allowed[0] = false;
        return allowed;
    }

    private static boolean[] and(boolean[] a, boolean[] b) {
        if (a == null) {
            return b;
        }
        for (int i = 0; i < a.length; i++) {
            a[i] &= b[i];
        }
        return a;
    }

    static long relative(long epochSecond) {
        if (epochSecond == Long.MIN_VALUE || epochSecond == Long.MAX_VALUE) {
            return epochSecond;
        }
        return epochSecond - ContactStore.EPOCH_2000;
    }

    /** The time range every matching contact lies in (seconds since 2000): the top-level conjunction's. */
    long[] window() {
        return shape == Shape.LEAF ? new long[] {from, to} : windowOfTree();
    }

    private long[] windowOfTree() {
        long lo = Long.MIN_VALUE;
        long hi = Long.MAX_VALUE;
        if (shape == Shape.AND) {
            for (ContactFilter p : parts) {
                long[] w = p.window();
                lo = Math.max(lo, w[0]);
                hi = Math.min(hi, w[1]);
            }
        }
        return new long[] {lo, hi};
    }

    /** The leaf test without the time range (callers of a leaf check time themselves). */
    boolean codesMatch(int channel, int direction, int kind, int satisfaction, char topic, char subtopic) {
        return ((channels >>> channel) & (directions >>> direction) & (kinds >>> kind)
                & (satisfactions >>> satisfaction) & 1L) != 0
                && (topics == null || topics[topic]) && (subtopics == null || subtopics[subtopic]);
    }

    /** The leaf test on a {@link ContactRuns#word} without its time (callers of a leaf check time themselves). */
    boolean codesMatch(long word, char subtopic) {
        int w = (int) word;
        return ((channels >>> ((w >>> ContactRuns.CHANNEL_SHIFT) & 0xF))
                & (directions >>> ((w >>> ContactRuns.DIRECTION_SHIFT) & 0x3))
                & (kinds >>> ((w >>> ContactRuns.KIND_SHIFT) & 0xF)) & (satisfactions >>> (w & 0x7)) & 1L) != 0
                && (topics == null || topics[w >>> ContactRuns.TOPIC_SHIFT]) && (subtopics == null || subtopics[subtopic]);
    }

    /** The whole test on a {@link ContactRuns#word}. */
    boolean matches(long word, char subtopic) {
        int w = (int) word;
        return matches(word >> 32, (w >>> ContactRuns.CHANNEL_SHIFT) & 0xF, (w >>> ContactRuns.DIRECTION_SHIFT) & 0x3,
                (w >>> ContactRuns.KIND_SHIFT) & 0xF, w & 0x7, (char) (w >>> ContactRuns.TOPIC_SHIFT), subtopic);
    }

    boolean matches(long time, int channel, int direction, int kind, int satisfaction, char topic, char subtopic) {
        switch (shape) {
            case LEAF:
                return time >= from && time < to && codesMatch(channel, direction, kind, satisfaction, topic, subtopic);
            case AND:
                for (ContactFilter p : parts) {
                    if (!p.matches(time, channel, direction, kind, satisfaction, topic, subtopic)) {
                        return false;
                    }
                }
                return true;
            case OR:
                for (ContactFilter p : parts) {
                    if (p.matches(time, channel, direction, kind, satisfaction, topic, subtopic)) {
                        return true;
                    }
                }
                return false;
            default:
                return !parts[0].matches(time, channel, direction, kind, satisfaction, topic, subtopic);
        }
    }
}

package nl.maatwerk.core.segment;

import java.util.Arrays;
import java.util.List;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;

/**
 * Compiles the {@code where} of {@code count(contacts …)} into a test over {@link ContactStore} columns: codes
 * become bit masks over enum ordinals, texts become dictionary codes looked up once, time ranges stay integer
 * comparisons. Also finds the time window the filter confines matches to, so only those buckets are visited.
 */
final class ContactFilters {

    private static final long DIGITAL = Masks.of(Channel.class, Arrays.stream(Channel.values())
            .filter(Channel::digital).map(Channel::code).toList());

    private ContactFilters() {
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

    static ContactStore.ContactTest test(Plan where, Dictionary topics) {
        if (where == null) {
            return (store, slot) -> true;
        } else if (where instanceof Plan.All all) {
            ContactStore.ContactTest[] tests = all.parts().stream().map(p -> test(p, topics))
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
            ContactStore.ContactTest[] tests = any.parts().stream().map(p -> test(p, topics))
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
            ContactStore.ContactTest inner = test(not.part(), topics);
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
                    long mask = Masks.of(Channel.class, a.values());
                    return (store, slot) -> ((mask & 1L << store.channel(slot)) != 0) != negated;
                }
                case CONTACT_DIRECTION -> {
                    long mask = Masks.of(Direction.class, a.values());
                    return (store, slot) -> ((mask & 1L << store.direction(slot)) != 0) != negated;
                }
                case CONTACT_KIND -> {
                    long mask = Masks.of(ContactKind.class, a.values());
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
}

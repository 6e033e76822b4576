package nl.maatwerk.core.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Finds what changed significantly in one week compared with the weeks before: counts that rose or fell,
 * satisfaction that dropped and digital shares that shifted. All series of one {@link #review} are one
 * family for the Benjamini–Hochberg false-discovery rate, so that on average at most that share of the
 * bulletin's items is a fluke. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * WeeklyChanges changes = WeeklyChanges.builder().build();          // 8 baseline weeks, FDR 0.05
 * Bulletin bulletin = changes.review(
 *         List.of(CountSeries.of(SeriesKey.of("topic", "afval"), 61, 40, 38, 45, 41, 39, 44, 40, 42)),
 *         List.of(new SatisfactionSeries(SeriesKey.of("channel", "phone"),
 *                 RatingSummary.ofHistogram(9, 6, 10, 14, 11), RatingSummary.ofHistogram(20, 25, 60, 130, 95))),
 *         List.of());
 * }</pre>
 *
 * See {@code docs/metrics.md} for the tests and their assumptions.
 */
public final class WeeklyChanges {

    private final int baselineWeeks;
    private final double falseDiscoveryRate;
    private final double confidence;
    private final double minimumExpected;
    private final long minimumRatings;

    private WeeklyChanges(Builder b) {
        this.baselineWeeks = b.baselineWeeks;
        this.falseDiscoveryRate = b.falseDiscoveryRate;
        this.confidence = b.confidence;
        this.minimumExpected = b.minimumExpected;
        this.minimumRatings = b.minimumRatings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tests every series and returns the significant ones. Each series must have at least
     * {@link Builder#baselineWeeks} baseline weeks; only the most recent that many are used. Any list may
     * be empty.
     */
    public Bulletin review(List<CountSeries> counts, List<SatisfactionSeries> ratings, List<ChannelMixSeries> mixes) {
        List<Candidate> candidates = new ArrayList<>();
        int untested = 0;
        List<CountSeries> testable = new ArrayList<>();
        for (CountSeries s : counts) {
            if (CountTest.baselineMean(recent(s.baseline(), s.key())) < minimumExpected) {
                untested++;
            } else {
                testable.add(s);
            }
        }
        Map<String, Double> floors = dispersionFloors(testable);
        for (CountSeries s : testable) {
            List<Long> baseline = recent(s.baseline(), s.key());
            CountTest.Result r = CountTest.test(s.week(), baseline, confidence, floors.get(s.key().dimension()));
            candidates.add(new Candidate(r.p(), q -> new CountChange(s.key(), r.direction(),
                    s.week(), r.baselineMean(), r.ratio(), r.ratioLow(), r.ratioHigh(), r.dispersion(), r.p(), q,
                    Certainty.of(q))));
        }
        for (SatisfactionSeries s : ratings) {
            WelchTest.Result r = s.week().n() < minimumRatings || s.baseline().n() < minimumRatings ? null
                    : WelchTest.test(s.week(), s.baseline(), confidence);
            if (r == null) {
                untested++;
                continue;
            }
            candidates.add(new Candidate(r.lowerP(), q -> new SatisfactionDrop(s.key(),
                    s.week().mean(), s.baseline().mean(), r.differenceLow(), r.differenceHigh(), s.week().n(),
                    s.baseline().n(), r.lowerP(), q, Certainty.of(q))));
        }
        for (ChannelMixSeries s : mixes) {
            List<ChannelMix> baseline = recent(s.baseline(), s.key());
            if (!testable(s.week(), baseline)) {
                untested++;
                continue;
            }
            ProportionTest.Result r = ProportionTest.test(s.week(), baseline, confidence);
            candidates.add(new Candidate(r.p(), q -> new ChannelShift(s.key(), r.weekShare(),
                    r.baselineShare(), r.changeLow(), r.changeHigh(), s.week().total(), r.dispersion(), r.p(), q,
                    Certainty.of(q))));
        }
        return bulletin(candidates, untested);
    }

    private Bulletin bulletin(List<Candidate> candidates, int untested) {
        double[] p = new double[candidates.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = candidates.get(i).p;
        }
        double[] q = BenjaminiHochberg.adjust(p);
        List<CountChange> countChanges = new ArrayList<>();
        List<SatisfactionDrop> drops = new ArrayList<>();
        List<ChannelShift> shifts = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (q[i] > falseDiscoveryRate) {
                continue;
            }
            Object item = candidates.get(i).item.apply(q[i]);
            if (item instanceof CountChange c) {
                countChanges.add(c);
            } else if (item instanceof SatisfactionDrop d && d.difference() < 0) {
                drops.add(d);
            } else if (item instanceof ChannelShift s) {
                shifts.add(s);
            }
        }
        countChanges.sort(Comparator.comparingDouble(CountChange::q)
                .thenComparing(Comparator.comparingDouble((CountChange c) -> Math.abs(c.excess())).reversed())
                .thenComparing(c -> c.key().toString()));
        drops.sort(Comparator.comparingDouble(SatisfactionDrop::q).thenComparingDouble(SatisfactionDrop::difference)
                .thenComparing(d -> d.key().toString()));
        shifts.sort(Comparator.comparingDouble((ChannelShift s) -> Math.abs(s.changePoints())).reversed()
                .thenComparing(s -> s.key().toString()));
        return new Bulletin(countChanges, drops, shifts, candidates.size(), untested);
    }

    /** Per dimension, the median baseline dispersion of its testable series. */
    private Map<String, Double> dispersionFloors(List<CountSeries> testable) {
        Map<String, List<Double>> estimates = new HashMap<>();
        for (CountSeries s : testable) {
            estimates.computeIfAbsent(s.key().dimension(), d -> new ArrayList<>())
                    .add(CountTest.dispersion(recent(s.baseline(), s.key())));
        }
        Map<String, Double> floors = new HashMap<>();
        estimates.forEach((dimension, values) -> {
            Collections.sort(values);
            int n = values.size();
            floors.put(dimension, n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2);
        });
        return floors;
    }

    private <T> List<T> recent(List<T> baseline, SeriesKey key) {
        if (baseline.size() < baselineWeeks) {
            throw new IllegalArgumentException(key + " has " + baseline.size() + " baseline weeks, "
                    + baselineWeeks + " are needed");
        }
        return baseline.subList(baseline.size() - baselineWeeks, baseline.size());
    }

    private boolean testable(ChannelMix week, List<ChannelMix> baseline) {
        long digital = week.digital();
        long total = week.total();
        for (ChannelMix m : baseline) {
            digital += m.digital();
            total += m.total();
        }
        if (total == 0 || week.total() == 0) {
            return false;
        }
        double share = (double) digital / total;
        return week.total() * Math.min(share, 1 - share) >= minimumExpected;
    }

    /** One tested series: its p-value and how to make its bulletin item once its q-value is known. */
    private record Candidate(double p, DoubleFunction<?> item) {
    }

    /**
     * Settings of the weekly review. Every setter checks its argument at once and throws
     * {@link IllegalArgumentException} naming the bad value.
     */
    public static final class Builder {

        private int baselineWeeks = 8;
        private double falseDiscoveryRate = 0.05;
        private double confidence = 0.95;
        private double minimumExpected = 5.0;
        private long minimumRatings = 30;

        private Builder() {
        }

        /** Weeks before the week under review that form the baseline (default 8), 2 to 104. */
        public Builder baselineWeeks(int weeks) {
            if (weeks < 2 || weeks > 104) {
                throw new IllegalArgumentException("baselineWeeks must be between 2 and 104, was " + weeks);
            }
            this.baselineWeeks = weeks;
            return this;
        }

        /** Benjamini–Hochberg false-discovery rate q (default 0.05); items with a larger q-value are left out. */
        public Builder falseDiscoveryRate(double q) {
            this.falseDiscoveryRate = Checks.probability(q, "falseDiscoveryRate");
            return this;
        }

        /** Level of the confidence intervals (default 0.95). */
        public Builder confidence(double level) {
            this.confidence = Checks.probability(level, "confidence");
            return this;
        }

        /**
         * Smallest baseline mean per week for a count series to be tested (default 5); for a channel mix,
         * the smallest expected number of the rarer of digital and personal contacts in the week.
         */
        public Builder minimumExpected(double count) {
            if (!(count >= 0.0)) {
                throw new IllegalArgumentException("minimumExpected must not be negative, was " + count);
            }
            this.minimumExpected = count;
            return this;
        }

        /** Smallest number of ratings, in the week and in the baseline, for a satisfaction test (default 30). */
        public Builder minimumRatings(long ratings) {
            if (ratings < 2) {
                throw new IllegalArgumentException("minimumRatings must be at least 2, was " + ratings);
            }
            this.minimumRatings = ratings;
            return this;
        }

        public WeeklyChanges build() {
            return new WeeklyChanges(this);
        }
    }
}

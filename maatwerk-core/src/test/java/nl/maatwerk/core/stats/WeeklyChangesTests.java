package nl.maatwerk.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyChangesTests {

    private static final WeeklyChanges CHANGES = WeeklyChanges.builder().build();

    private static List<CountSeries> steady(int series, long count) {
        List<CountSeries> all = new ArrayList<>();
        for (int i = 0; i < series; i++) {
            all.add(CountSeries.of(SeriesKey.of("topic", "t" + i), count, count, count + 1, count - 1, count, count,
                    count + 1, count - 1, count));
        }
        return all;
    }

    @Test
    void review_surgeAmongSteadySeries_surgeFirstWithRatioAndCertainty() {
        List<CountSeries> counts = steady(50, 40);
        counts.add(CountSeries.of(SeriesKey.of("topic", "afval", "district", "DX05"), 30, 10, 9, 11, 10, 10, 9, 11, 10));
        counts.add(CountSeries.of(SeriesKey.of("topic", "parkeren"), 120, 80, 78, 82, 80, 81, 79, 80, 80));

        Bulletin bulletin = CHANGES.review(counts, List.of(), List.of());

        assertThat(bulletin.tested()).isEqualTo(52);
        assertThat(bulletin.countChanges()).extracting(c -> c.key().toString())
                .containsExactly("topic=afval × district=DX05", "topic=parkeren");
        CountChange first = bulletin.countChanges().get(0);
        assertThat(first.direction()).isEqualTo(ChangeDirection.RISE);
        assertThat(first.ratio()).isEqualTo(3.0);
        assertThat(first.ratioLow()).isLessThan(3.0);
        assertThat(first.ratioHigh()).isGreaterThan(3.0);
        assertThat(first.excess()).isEqualTo(20.0);
        assertThat(first.certainty()).isEqualTo(Certainty.VERY_SURE);
        assertThat(first.q()).isGreaterThanOrEqualTo(first.p());
    }

    @Test
    void review_equalQValues_biggerExcessFirst() {
        List<CountSeries> counts = List.of(
                CountSeries.of(SeriesKey.of("district", "small"), 40, 10, 10, 10, 10, 10, 10, 10, 10),
                CountSeries.of(SeriesKey.of("district", "large"), 400, 100, 100, 100, 100, 100, 100, 100, 100));

        List<CountChange> changes = CHANGES.review(counts, List.of(), List.of()).countChanges();

        assertThat(changes).extracting(c -> c.key().values().get(0)).containsExactly("large", "small");
    }

    @Test
    void review_fall_reportedAsFall() {
        List<CountSeries> counts = steady(10, 40);
        counts.add(CountSeries.of(SeriesKey.of("channel", "desk"), 5, 40, 41, 39, 40, 40, 42, 38, 40));

        CountChange change = CHANGES.review(counts, List.of(), List.of()).countChanges().get(0);

        assertThat(change.direction()).isEqualTo(ChangeDirection.FALL);
        assertThat(change.excess()).isEqualTo(-35.0);
    }

    @Test
    void review_steadySeriesAmongOverDispersedSiblings_getsTheirMedianDispersion() {
        List<CountSeries> counts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {   // mean 40, sample variance 600 / 7: dispersion 15 / 7
            counts.add(CountSeries.of(SeriesKey.of("district", "d" + i), 40, 30, 50, 30, 50, 30, 50, 40, 40));
        }
        counts.add(CountSeries.of(SeriesKey.of("district", "steady"), 70, 40, 40, 40, 40, 40, 40, 40, 40));
        counts.add(CountSeries.of(SeriesKey.of("topic", "steady"), 70, 40, 40, 40, 40, 40, 40, 40, 40));

        List<CountChange> changes = CHANGES.review(counts, List.of(), List.of()).countChanges();

        assertThat(changes).extracting(c -> c.key().toString()).containsExactly("topic=steady", "district=steady");
        assertThat(changes.get(0).dispersion()).isEqualTo(1.0);
        assertThat(changes.get(1).dispersion()).isCloseTo(15.0 / 7, within(1e-12));
    }

    @Test
    void review_smallBaseline_untestedEvenWhenItJumps() {
        List<CountSeries> counts = List.of(CountSeries.of(SeriesKey.of("subtopic", "rare"), 12, 1, 0, 2, 1, 0, 1, 1, 0));

        Bulletin bulletin = CHANGES.review(counts, List.of(), List.of());

        assertThat(bulletin.tested()).isZero();
        assertThat(bulletin.untested()).isEqualTo(1);
        assertThat(bulletin.quiet()).isTrue();
    }

    @Test
    void review_moreBaselineWeeksThanConfigured_usesTheMostRecent() {
        // Twelve weeks: four old weeks of 100 and eight recent weeks of 20; a week of 22 is no change.
        CountSeries series = CountSeries.of(SeriesKey.of("topic", "belastingen"), 22, 100, 100, 100, 100, 20, 20, 20,
                20, 20, 20, 20, 20);

        Bulletin bulletin = CHANGES.review(List.of(series), List.of(), List.of());

        assertThat(bulletin.tested()).isEqualTo(1);
        assertThat(bulletin.quiet()).isTrue();
    }

    @Test
    void review_fewerBaselineWeeksThanConfigured_rejectedNamingTheSeries() {
        CountSeries series = CountSeries.of(SeriesKey.of("topic", "wmo"), 10, 10, 10, 10);

        assertThatThrownBy(() -> CHANGES.review(List.of(series), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic=wmo has 3 baseline weeks");
    }

    @Test
    void review_satisfactionDropAndRise_onlyTheDropReported() {
        List<SatisfactionSeries> ratings = List.of(
                new SatisfactionSeries(SeriesKey.of("channel", "phone"), RatingSummary.ofHistogram(30, 20, 20, 20, 10),
                        RatingSummary.ofHistogram(50, 50, 150, 300, 250)),
                new SatisfactionSeries(SeriesKey.of("channel", "app"), RatingSummary.ofHistogram(0, 0, 5, 30, 65),
                        RatingSummary.ofHistogram(50, 50, 150, 300, 250)));

        Bulletin bulletin = CHANGES.review(List.of(), ratings, List.of());

        assertThat(bulletin.tested()).isEqualTo(2);
        assertThat(bulletin.satisfactionDrops()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo(SeriesKey.of("channel", "phone"));
            assertThat(d.difference()).isLessThan(-1.0);
            assertThat(d.differenceHigh()).isLessThan(0.0);
            assertThat(d.certainty()).isEqualTo(Certainty.VERY_SURE);
        });
    }

    @Test
    void review_fewRatings_untested() {
        List<SatisfactionSeries> ratings = List.of(new SatisfactionSeries(SeriesKey.of("topic", "wmo"),
                RatingSummary.ofHistogram(10, 0, 0, 0, 0), RatingSummary.ofHistogram(0, 0, 0, 100, 100)));

        assertThat(CHANGES.review(List.of(), ratings, List.of()).untested()).isEqualTo(1);
    }

    @Test
    void review_channelShifts_biggestShiftFirstInPercentagePoints() {
        List<ChannelMix> even = Collections.nCopies(8, new ChannelMix(500, 500));
        List<ChannelMixSeries> mixes = List.of(
                new ChannelMixSeries(SeriesKey.of("topic", "afval"), new ChannelMix(600, 400), even),
                new ChannelMixSeries(SeriesKey.of("topic", "wmo"), new ChannelMix(200, 800), even),
                new ChannelMixSeries(SeriesKey.of("topic", "parkeren"), new ChannelMix(505, 495), even));

        List<ChannelShift> shifts = CHANGES.review(List.of(), List.of(), mixes).channelShifts();

        assertThat(shifts).extracting(s -> s.key().values().get(0)).containsExactly("wmo", "afval");
        assertThat(shifts.get(0).changePoints()).isCloseTo(-30.0, within(1e-9));
        assertThat(shifts.get(0).direction()).isEqualTo(ChangeDirection.FALL);
    }

    @Test
    void review_falseDiscoveryRate_isOverAllFamiliesTogether() {
        // One borderline count (p = 0.0008) is reported alone (q = p), but not among 300 tested series.
        CountSeries borderline = CountSeries.of(SeriesKey.of("topic", "x"), 24, 10, 10, 10, 10, 10, 10, 10, 10);
        List<ChannelMix> even = Collections.nCopies(8, new ChannelMix(50, 50));
        List<ChannelMixSeries> quietMixes = new ArrayList<>();
        for (int i = 0; i < 299; i++) {
            quietMixes.add(new ChannelMixSeries(SeriesKey.of("topic", "m" + i), new ChannelMix(50, 50), even));
        }

        assertThat(CHANGES.review(List.of(borderline), List.of(), List.of()).countChanges()).hasSize(1);
        assertThat(CHANGES.review(List.of(borderline), List.of(), quietMixes).countChanges()).isEmpty();
    }

    @Test
    void builder_outOfRange_rejectedWithValue() {
        assertThatThrownBy(() -> WeeklyChanges.builder().falseDiscoveryRate(0)).hasMessageContaining("was 0.0");
        assertThatThrownBy(() -> WeeklyChanges.builder().baselineWeeks(1)).hasMessageContaining("was 1");
        assertThatThrownBy(() -> WeeklyChanges.builder().minimumExpected(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> WeeklyChanges.builder().confidence(1.5)).hasMessageContaining("1.5");
    }

    @Test
    void countSeries_negativeOrTooShort_rejected() {
        assertThatThrownBy(() -> CountSeries.of(SeriesKey.of("topic", "a"), -1, 1, 2)).hasMessageContaining("negative");
        assertThatThrownBy(() -> CountSeries.of(SeriesKey.of("topic", "a"), 1, 2)).hasMessageContaining("two baseline");
    }

    @Test
    void seriesKey_dimensionsAndValuesDiffer_rejected() {
        assertThatThrownBy(() -> new SeriesKey(List.of("topic", "district"), List.of("afval")))
                .hasMessageContaining("as many values");
        assertThat(SeriesKey.of("topic", "afval", "district", "DX05").dimension()).isEqualTo("topic×district");
    }
}

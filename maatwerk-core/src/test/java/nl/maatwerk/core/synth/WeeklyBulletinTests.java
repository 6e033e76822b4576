package nl.maatwerk.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.maatwerk.core.stats.Bulletin;
import nl.maatwerk.core.stats.ChangeDirection;
import nl.maatwerk.core.stats.CountChange;
import nl.maatwerk.core.stats.SeriesKey;
import nl.maatwerk.core.stats.WeeklyChanges;
import org.junit.jupiter.api.Test;

/**
 * The weekly bulletin on generated contacts: a planted surge must come first, a quiet week must stay quiet.
 *
 * <p>Town: 50,000 residents at 6.4 contacts per resident-year (about 5,900 inbound contacts a week, the
 * largest district about 150), so that a district's topic has enough contacts to be tested at all. The
 * week under review is 19-25 October 2026 with the 8 weeks before it as baseline, chosen honestly for two
 * reasons:
 * <ul>
 * <li>Questions about expiring travel documents are placed up to the end date, so their rate climbs over
 *     the last ~236 days of a generation (the density at k days before the end grows like ln(236/k)).
 *     Reviewing the last full week of a generation ending in late October flagged a real rise in
 *     paspoort-id-kaart questions in 4 of 10 seeds. The period therefore runs on to 30 June 2027; the
 *     tally ignores everything after the week under review.</li>
 * <li>September-October has the flattest month curves of the generator (passports 0.8/0.8, waste
 *     0.9/0.9, taxes 0.7/0.7); moving (1.1 to 0.9) still drifts a little, and the dispersion guard absorbs
 *     that.</li>
 * </ul>
 * The period starts in May 2026, so that repeats and case contacts are in steady state by late August.
 */
class WeeklyBulletinTests {

    private static final LocalDate REVIEW = LocalDate.of(2026, 10, 19);
    private static final String LARGEST_DISTRICT = "WK036394";
    private static final WeeklyChanges CHANGES = WeeklyChanges.builder().build();

    private static Bulletin bulletin(long seed, PlantedSurge... surges) {
        SyntheticMunicipality.Builder builder = SyntheticMunicipality.builder().citizens(50_000)
                .contactsPerCitizenYear(6.4).months(14).endDate(LocalDate.of(2027, 6, 30)).seed(seed);
        for (PlantedSurge s : surges) {
            builder.surge(s);
        }
        WeeklyTally tally = new WeeklyTally(REVIEW, 8);
        builder.build().generate(tally);
        return CHANGES.review(tally.counts(), tally.ratings(), tally.mixes());
    }

    @Test
    void review_topicTripledInOneDistrict_isTheFirstItem() {
        // Observed with seeds 1-10: the surge came first in 10 of 10, with ratios 2.0-4.3.
        Bulletin bulletin = bulletin(7, new PlantedSurge("openbare-ruimte", LARGEST_DISTRICT, REVIEW, 3));

        CountChange first = bulletin.countChanges().get(0);
        assertThat(first.key()).isEqualTo(SeriesKey.of("topic", "openbare-ruimte", "district", LARGEST_DISTRICT));
        assertThat(first.direction()).isEqualTo(ChangeDirection.RISE);
        assertThat(first.ratioLow()).isGreaterThan(2.0);
        assertThat(first.ratioHigh()).isLessThan(5.0);
        assertThat(first.q()).isLessThan(1e-6);
        assertThat(bulletin.tested()).isGreaterThan(500);
    }

    @Test
    void review_noSurge_noAlarmInMostSeeds() {
        // Observed: of seeds 1-50, only seed 2 raised an alarm (one item: paspoort-id-kaart/id-kaart-aanvragen
        // fell from 128 to 82 a week, q = 0.03), so 1 false alarm in 50 bulletins. The limit of 2 in 10
        // leaves room for other JDKs' floating point, not for a worse engine.
        List<String> alarms = new ArrayList<>();
        for (long seed = 1; seed <= 10; seed++) {
            Bulletin bulletin = bulletin(seed);
            if (!bulletin.quiet()) {
                alarms.add("seed " + seed + ": " + bulletin);
            }
        }

        assertThat(alarms).as("bulletins with an alarm").hasSizeLessThanOrEqualTo(2);
    }
}

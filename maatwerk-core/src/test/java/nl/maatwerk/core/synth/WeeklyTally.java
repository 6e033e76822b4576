package nl.maatwerk.core.synth;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.core.stats.ChannelMix;
import nl.maatwerk.core.stats.ChannelMixSeries;
import nl.maatwerk.core.stats.CountSeries;
import nl.maatwerk.core.stats.RatingSummary;
import nl.maatwerk.core.stats.SatisfactionSeries;
import nl.maatwerk.core.stats.SeriesKey;

/**
 * Counts a synthetic municipality's inbound contacts per ISO week, the way the bulletin's SQL would:
 * per topic, subtopic, channel, district, kind and topic × district, with satisfaction ratings per channel
 * and topic and the digital/personal split per topic. Keeps only the counts, not the contacts. A contact
 * without a district (anonymous) counts in its resident's district when the resident is known.
 */
final class WeeklyTally implements SyntheticSink {

    private final LocalDate firstMonday;
    private final int weeks;
    private final Map<UUID, String> districtOf = new HashMap<>();
    private final Map<SeriesKey, long[]> counts = new TreeMap<>(WeeklyTally::compare);
    private final Map<SeriesKey, long[][]> ratings = new TreeMap<>(WeeklyTally::compare);
    private final Map<SeriesKey, long[][]> mixes = new TreeMap<>(WeeklyTally::compare);

    /** Tallies {@code baselineWeeks} weeks before the week starting {@code reviewMonday}, and that week. */
    WeeklyTally(LocalDate reviewMonday, int baselineWeeks) {
        this.firstMonday = reviewMonday.minusWeeks(baselineWeeks);
        this.weeks = baselineWeeks + 1;
    }

    private static int compare(SeriesKey a, SeriesKey b) {
        return a.toString().compareTo(b.toString());
    }

    @Override
    public void citizen(GeneratedCitizen citizen) {
        districtOf.put(citizen.id(), citizen.district());
    }

    @Override
    public void contact(GeneratedContact c) {
        if (c.direction() != Direction.INBOUND) {
            return;
        }
        LocalDate date = c.occurredAt().atZone(SyntheticMunicipality.ZONE).toLocalDate();
        long week = ChronoUnit.WEEKS.between(firstMonday, date);
        if (date.isBefore(firstMonday) || week >= weeks) {
            return;
        }
        int w = (int) week;
        String district = c.district() != null ? c.district() : c.citizenId() != null ? districtOf.get(c.citizenId())
                : null;
        count(SeriesKey.of("topic", c.topic()), w);
        if (c.subtopic() != null) {
            count(SeriesKey.of("subtopic", c.topic() + "/" + c.subtopic()), w);
        }
        count(SeriesKey.of("channel", c.channel().code()), w);
        count(SeriesKey.of("kind", c.kind().code()), w);
        if (district != null) {
            count(SeriesKey.of("district", district), w);
            count(SeriesKey.of("topic", c.topic(), "district", district), w);
        }
        if (c.satisfaction() != null) {
            rate(SeriesKey.of("channel", c.channel().code()), w, c.satisfaction());
            rate(SeriesKey.of("topic", c.topic()), w, c.satisfaction());
        }
        mixes.computeIfAbsent(SeriesKey.of("topic", c.topic()), k -> new long[weeks][2])[w][c.channel().digital()
                ? 0 : 1]++;
    }

    private void count(SeriesKey key, int week) {
        counts.computeIfAbsent(key, k -> new long[weeks])[week]++;
    }

    private void rate(SeriesKey key, int week, int rating) {
        ratings.computeIfAbsent(key, k -> new long[weeks][5])[week][rating - 1]++;
    }

    /** Every series seen; the last week is the week under review. */
    List<CountSeries> counts() {
        List<CountSeries> all = new ArrayList<>();
        counts.forEach((key, c) -> {
            List<Long> baseline = new ArrayList<>();
            for (int w = 0; w < weeks - 1; w++) {
                baseline.add(c[w]);
            }
            all.add(new CountSeries(key, c[weeks - 1], baseline));
        });
        return all;
    }

    List<SatisfactionSeries> ratings() {
        List<SatisfactionSeries> all = new ArrayList<>();
        ratings.forEach((key, r) -> {
            long[] baseline = new long[5];
            for (int w = 0; w < weeks - 1; w++) {
                for (int s = 0; s < 5; s++) {
                    baseline[s] += r[w][s];
                }
            }
            all.add(new SatisfactionSeries(key, RatingSummary.ofHistogram(r[weeks - 1]),
                    RatingSummary.ofHistogram(baseline)));
        });
        return all;
    }

    List<ChannelMixSeries> mixes() {
        List<ChannelMixSeries> all = new ArrayList<>();
        mixes.forEach((key, m) -> {
            List<ChannelMix> baseline = new ArrayList<>();
            for (int w = 0; w < weeks - 1; w++) {
                baseline.add(new ChannelMix(m[w][0], m[w][1]));
            }
            all.add(new ChannelMixSeries(key, new ChannelMix(m[weeks - 1][0], m[weeks - 1][1]), baseline));
        });
        return all;
    }

    @Override
    public void travelDocument(GeneratedTravelDocument document) {
    }

    @Override
    public void caseFile(GeneratedCase caseFile) {
    }

    @Override
    public void caseStatusChange(GeneratedCaseStatusChange change) {
    }

    @Override
    public void plantedPreference(PlantedPreference preference) {
    }
}

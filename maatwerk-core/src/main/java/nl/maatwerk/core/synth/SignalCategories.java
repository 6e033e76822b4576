package nl.maatwerk.core.synth;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/*
 * Subcategories of reports about public space, from the Signalen category tree (Gemeente Amsterdam,
 * Signalen, MPL-2.0), shipped as a short derived list of names and slugs. Reports are spread over the
 * main categories by rough Amsterdam proportions (waste first, then roads and nuisance), the well-known
 * subcategories twice as often and the catch-all "overig" ones half as often. Seasonal subcategories
 * (fireworks, ice, wasps, mowing) are only drawn in their months.
 */
final class SignalCategories {

    static final String RESOURCE = "/nl/maatwerk/core/synth/signalen-subcategories.csv";

    private static final Map<String, Double> MAIN_WEIGHTS = Map.of(
            "afval", 0.30, "wegen-verkeer-straatmeubilair", 0.20, "overlast-in-de-openbare-ruimte", 0.16,
            "openbaar-groen-en-water", 0.10, "overlast-van-en-door-personen-of-groepen", 0.07,
            "overlast-bedrijven-en-horeca", 0.07, "overlast-van-dieren", 0.05, "overlast-op-het-water", 0.02,
            "overig", 0.03);
    private static final Set<String> POPULAR = Set.of("veeg-zwerfvuil", "grofvuil", "container-is-vol", "huisafval",
            "fietswrak", "onderhoud-stoep-straat-en-fietspad", "straatverlichting-openbare-klok", "parkeeroverlast",
            "boom", "ratten", "geluidsoverlast-muziek");
    /** Months (1-12) in which a seasonal subcategory occurs. */
    private static final Map<String, Set<Integer>> SEASONS = Map.of(
            "overlast-door-afsteken-vuurwerk", Set.of(12, 1),
            "vuurwerkoverlast", Set.of(12, 1),
            "gladheid", Set.of(11, 12, 1, 2, 3),
            "wespen", Set.of(6, 7, 8, 9),
            "maaien-snoeien", Set.of(4, 5, 6, 7, 8, 9, 10));

    private static final SignalCategories INSTANCE = load();

    final List<String> slugs;
    final List<String> names;
    private final double[][] cumulativeByMonth = new double[12][];

    private SignalCategories(List<String> mains, List<String> slugs, List<String> names) {
        this.slugs = List.copyOf(slugs);
        this.names = List.copyOf(names);
        Map<String, Long> perMain = new HashMap<>();
        for (String main : mains) {
            perMain.merge(main, 1L, Long::sum);
        }
        for (int m = 0; m < 12; m++) {
            double[] weights = new double[slugs.size()];
            for (int i = 0; i < weights.length; i++) {
                String slug = slugs.get(i);
                Set<Integer> season = SEASONS.get(slug);
                if (season != null && !season.contains(m + 1)) {
                    continue;
                }
                double w = MAIN_WEIGHTS.getOrDefault(mains.get(i), 0.02) / perMain.get(mains.get(i));
                if (POPULAR.contains(slug)) {
                    w *= 2;
                } else if (slug.startsWith("overig")) {
                    w *= 0.5;
                }
                weights[i] = w;
            }
            cumulativeByMonth[m] = Rng.cumulative(weights);
        }
    }

    static SignalCategories instance() {
        return INSTANCE;
    }

    /** Index of a subcategory for a report made in {@code month} (0 = January). */
    int pick(int month, Rng rng) {
        return rng.pick(cumulativeByMonth[month]);
    }

    private static SignalCategories load() {
        try (InputStream in = SignalCategories.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            List<String> mains = new ArrayList<>();
            List<String> slugs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
                for (CSVRecord r : parser) {
                    mains.add(r.get("main_slug"));
                    slugs.add(r.get("slug"));
                    names.add(r.get("name"));
                }
            }
            return new SignalCategories(mains, slugs, names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}

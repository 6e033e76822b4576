package nl.maatwerk.core.calibration;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/*
 * Reads the tidy CBS "Kerncijfers wijken en buurten" export (one row per region per year, English
 * column names, empty = missing) and turns one municipality's rows into a Calibration.
 *
 * Per district every figure is taken from the district row when CBS published it, and otherwise from
 * the municipality row (CBS suppresses figures of small areas with "."; the export has them empty).
 * Age and household shares are normalised by the sum of their parts, not by the population, because
 * CBS rounds each part to a multiple of 5. Districts under 50 residents are skipped; neighbourhoods
 * without residents are dropped, since no household can be placed there.
 */
final class CbsKeyFigures {

    private CbsKeyFigures() {
    }

    static Calibration read(Path file, String municipalityCode, int year) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("CBS file not found: " + file.toAbsolutePath());
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            InputStream in = isGzip(raw) ? new GZIPInputStream(raw, 1 << 16) : raw;
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), municipalityCode, year);
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    static Calibration read(Reader reader, String municipalityCode, int year) throws IOException {
        String yearText = Integer.toString(year);
        CSVRecord municipality = null;
        Map<String, CSVRecord> districts = new LinkedHashMap<>();
        Map<String, List<CSVRecord>> neighbourhoods = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord r : parser) {
                if (!yearText.equals(r.get("year")) || !municipalityCode.equals(r.get("municipality_code"))) {
                    continue;
                }
                switch (r.get("region_type")) {
                    case "municipality" -> municipality = r;
                    case "district" -> districts.put(r.get("code"), r);
                    case "neighbourhood" ->
                            neighbourhoods.computeIfAbsent(r.get("district_code"), k -> new ArrayList<>()).add(r);
                    default -> { }
                }
            }
        }
        if (municipality == null) {
            throw new IllegalArgumentException("no municipality row for " + municipalityCode + " in year " + year);
        }
        Figures total = municipalityFigures(municipality);
        List<District> result = new ArrayList<>();
        for (CSVRecord d : districts.values()) {
            Integer population = integer(d, "population");
            if (population == null || population < Calibration.MINIMUM_DISTRICT_POPULATION) {
                continue;
            }
            List<Neighbourhood> buurten = new ArrayList<>();
            for (CSVRecord b : neighbourhoods.getOrDefault(d.get("code"), List.of())) {
                Integer weight = integer(b, "population");
                if (weight != null && weight > 0) {
                    String postcode = b.get("most_common_postcode");
                    buurten.add(new Neighbourhood(b.get("code"), b.get("name"), weight,
                            postcode.isEmpty() ? null : postcode));
                }
            }
            if (!buurten.isEmpty()) {
                result.add(new District(d.get("code"), d.get("name"), population, districtFigures(d, total), buurten));
            }
        }
        return new Calibration(municipalityCode, municipality.get("name"), year,
                (int) require(municipality, "population"), total, result);
    }

    private static Figures municipalityFigures(CSVRecord m) {
        double population = require(m, "population");
        return new Figures(
                AgeBands.fromCounts(require(m, "age_0_14"), require(m, "age_15_24"), require(m, "age_25_44"),
                        require(m, "age_45_64"), require(m, "age_65_plus")),
                HouseholdMix.fromCounts(require(m, "households_single_person"),
                        require(m, "households_without_children"), require(m, "households_with_children")),
                householdSize(m, null),
                require(m, "migration_background_western") / population,
                require(m, "migration_background_non_western") / population,
                require(m, "pct_low_income_households") / 100.0,
                require(m, "avg_income_per_recipient_keur"),
                require(m, "persons_social_assistance") / population);
    }

    private static Figures districtFigures(CSVRecord d, Figures total) {
        double population = require(d, "population");
        Double[] ages = numbers(d, "age_0_14", "age_15_24", "age_25_44", "age_45_64", "age_65_plus");
        Double[] households = numbers(d, "households_single_person", "households_without_children",
                "households_with_children");
        Double[] migration = numbers(d, "migration_background_western", "migration_background_non_western");
        Double lowIncome = number(d, "pct_low_income_households");
        Double income = number(d, "avg_income_per_recipient_keur");
        Double assistance = number(d, "persons_social_assistance");
        boolean migrationKnown = migration != null && migration[0] + migration[1] <= population;
        return new Figures(
                ages != null ? AgeBands.fromCounts(ages[0], ages[1], ages[2], ages[3], ages[4]) : total.ages(),
                households != null ? HouseholdMix.fromCounts(households[0], households[1], households[2])
                        : total.households(),
                householdSize(d, total),
                migrationKnown ? migration[0] / population : total.westernShare(),
                migrationKnown ? migration[1] / population : total.nonWesternShare(),
                lowIncome != null && lowIncome <= 100 ? lowIncome / 100.0 : total.lowIncomeShare(),
                income != null && income > 0 ? income : total.averageIncomeKeur(),
                assistance != null && assistance <= population ? assistance / population : total.socialAssistanceShare());
    }

    /** CBS's one-decimal average; else residents per household; else the fall-back. */
    private static double householdSize(CSVRecord r, Figures fallback) {
        Double size = number(r, "avg_household_size");
        if (size != null && size >= 1.0 && size <= 10.0) {
            return size;
        }
        Double population = number(r, "population");
        Double households = number(r, "households_total");
        if (population != null && households != null && households > 0 && population / households >= 1.0) {
            return Math.min(10.0, population / households);
        }
        if (fallback == null) {
            throw new IllegalArgumentException("municipality row " + r.get("code") + " lacks avg_household_size");
        }
        return fallback.averageHouseholdSize();
    }

    /** All columns as numbers adding up to more than 0, or null when any is missing. */
    private static Double[] numbers(CSVRecord r, String... columns) {
        Double[] values = new Double[columns.length];
        double sum = 0;
        for (int i = 0; i < columns.length; i++) {
            values[i] = number(r, columns[i]);
            if (values[i] == null || values[i] < 0) {
                return null;
            }
            sum += values[i];
        }
        return sum > 0 ? values : null;
    }

    private static double require(CSVRecord r, String column) {
        Double value = number(r, column);
        if (value == null) {
            throw new IllegalArgumentException("row " + r.get("code") + " lacks " + column);
        }
        return value;
    }

    private static Integer integer(CSVRecord r, String column) {
        Double value = number(r, column);
        return value == null ? null : (int) Math.round(value);
    }

    private static Double number(CSVRecord r, String column) {
        String text = r.get(column).trim();
        if (text.isEmpty() || text.equals(".")) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("row " + r.get("code") + ", column " + column + ": not a number: " + text, e);
        }
    }
}

package nl.maatwerk.core.calibration;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/*
 * The small derived calibration file: one row per area, level = municipality | district |
 * neighbourhood. Municipality and district rows carry shares (6 decimals), neighbourhood rows only
 * their population weight and postcode. Shares, not counts, are stored because the fall-backs for
 * suppressed figures are already applied: reading the file needs no CBS knowledge.
 */
final class CalibrationCsv {

    static final String[] HEADER = {"level", "code", "name", "parent", "year", "population",
        "age_0_14", "age_15_24", "age_25_44", "age_45_64", "age_65_plus",
        "households_single_person", "households_without_children", "households_with_children",
        "avg_household_size", "migration_western", "migration_non_western", "low_income_households",
        "avg_income_per_recipient_keur", "social_assistance", "postcode"};

    private static final String[] COMMENTS = {
        Calibration.CBS_ATTRIBUTION,
        "Afgeleid door Maatwerk (nl.maatwerk.core.calibration.CalibrationDeriver): aandelen per wijk, bewoonde buurten.",
    };

    private CalibrationCsv() {
    }

    static void write(Calibration c, Writer writer) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setCommentMarker('#')
                .setHeaderComments((Object[]) COMMENTS).setHeader(HEADER).get();
        CSVPrinter out = new CSVPrinter(writer, format);
        List<Object> row = new ArrayList<>();
        row.addAll(List.of("municipality", c.municipalityCode(), c.municipalityName(), "", c.year(), c.population()));
        addFigures(row, c.figures());
        row.add("");
        out.printRecord(row);
        for (District d : c.districts()) {
            row.clear();
            row.addAll(List.of("district", d.code(), d.name(), c.municipalityCode(), "", d.population()));
            addFigures(row, d.figures());
            row.add("");
            out.printRecord(row);
            for (Neighbourhood b : d.neighbourhoods()) {
                row.clear();
                row.addAll(List.of("neighbourhood", b.code(), b.name(), d.code(), "", b.population()));
                for (int i = 0; i < 14; i++) {
                    row.add("");
                }
                row.add(b.postcode() == null ? "" : b.postcode());
                out.printRecord(row);
            }
        }
        out.flush();
    }

    private static void addFigures(List<Object> row, Figures f) {
        for (double share : f.ages().toArray()) {
            row.add(decimal(share, 6));
        }
        for (double share : f.households().toArray()) {
            row.add(decimal(share, 6));
        }
        row.add(decimal(f.averageHouseholdSize(), 3));
        row.add(decimal(f.westernShare(), 6));
        row.add(decimal(f.nonWesternShare(), 6));
        row.add(decimal(f.lowIncomeShare(), 6));
        row.add(decimal(f.averageIncomeKeur(), 2));
        row.add(decimal(f.socialAssistanceShare(), 6));
    }

    private static String decimal(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    static Calibration read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
        CSVRecord municipality = null;
        Map<String, CSVRecord> districts = new LinkedHashMap<>();
        Map<String, List<Neighbourhood>> neighbourhoods = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord r : parser) {
                switch (r.get("level")) {
                    case "municipality" -> municipality = r;
                    case "district" -> districts.put(r.get("code"), r);
                    case "neighbourhood" -> neighbourhoods.computeIfAbsent(r.get("parent"), k -> new ArrayList<>())
                            .add(new Neighbourhood(r.get("code"), r.get("name"), integer(r, "population"),
                                    r.get("postcode").isEmpty() ? null : r.get("postcode")));
                    default -> throw new IllegalArgumentException("line " + r.getRecordNumber()
                            + ": level must be municipality, district or neighbourhood, was " + r.get("level"));
                }
            }
        }
        if (municipality == null) {
            throw new IllegalArgumentException("calibration file has no municipality row");
        }
        List<District> result = new ArrayList<>();
        for (CSVRecord d : districts.values()) {
            result.add(new District(d.get("code"), d.get("name"), integer(d, "population"), figures(d),
                    neighbourhoods.getOrDefault(d.get("code"), List.of())));
        }
        return new Calibration(municipality.get("code"), municipality.get("name"), integer(municipality, "year"),
                integer(municipality, "population"), figures(municipality), result);
    }

    private static Figures figures(CSVRecord r) {
        return new Figures(
                new AgeBands(number(r, "age_0_14"), number(r, "age_15_24"), number(r, "age_25_44"),
                        number(r, "age_45_64"), number(r, "age_65_plus")),
                new HouseholdMix(number(r, "households_single_person"), number(r, "households_without_children"),
                        number(r, "households_with_children")),
                number(r, "avg_household_size"), number(r, "migration_western"), number(r, "migration_non_western"),
                number(r, "low_income_households"), number(r, "avg_income_per_recipient_keur"),
                number(r, "social_assistance"));
    }

    private static int integer(CSVRecord r, String column) {
        return (int) number(r, column);
    }

    private static double number(CSVRecord r, String column) {
        String text = r.get(column);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + r.getRecordNumber() + ", column " + column
                    + ": not a number: '" + text + "'", e);
        }
    }
}

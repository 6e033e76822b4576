package nl.maatwerk.core.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * CBS figures for one municipality, per district, that calibrate the synthetic municipality.
 *
 * <p>Districts with fewer than {@value #MINIMUM_DISTRICT_POPULATION} residents are left out; where CBS
 * suppressed a district's figure, the district carries the municipality's value instead.
 *
 * @param municipalityCode CBS code, {@code GM} + 4 digits
 * @param municipalityName CBS name
 * @param year             reference year of the CBS table
 * @param population       residents of the whole municipality
 * @param figures          the municipality's own figures (the fall-back for suppressed district figures)
 * @param districts        the districts, in CBS code order
 */
public record Calibration(String municipalityCode, String municipalityName, int year, int population,
                          Figures figures, List<District> districts) {

    /** Districts with fewer residents than this are skipped. */
    public static final int MINIMUM_DISTRICT_POPULATION = 50;

    /** Attribution required by the CBS licence (CC BY 4.0). */
    public static final String CBS_ATTRIBUTION = "Bron: CBS, Kerncijfers wijken en buurten 2019 (84583NED), CC BY 4.0";

    /** Classpath location of the bundled Amsterdam 2019 calibration. */
    public static final String BUNDLED_RESOURCE = "/nl/maatwerk/core/calibration/gm0363-2019.csv";

    public Calibration {
        if (municipalityCode == null || !municipalityCode.matches("GM[0-9]{4}")) {
            throw new IllegalArgumentException("municipality code must be GM followed by 4 digits, was " + municipalityCode);
        }
        Objects.requireNonNull(municipalityName, "municipalityName");
        if (year < 1990 || year > 2100) {
            throw new IllegalArgumentException("year must be within [1990, 2100], was " + year);
        }
        if (population <= 0) {
            throw new IllegalArgumentException("population must be more than 0, was " + population);
        }
        Objects.requireNonNull(figures, "figures");
        districts = List.copyOf(districts);
        if (districts.isEmpty()) {
            throw new IllegalArgumentException("a calibration needs at least one district");
        }
    }

    /** Amsterdam (GM0363), CBS 2019, as shipped with Maatwerk; needs no files outside the classpath. */
    public static Calibration bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Reads one municipality and year from the full CBS key-figures export (gzip or plain CSV, in the
     * column layout of {@code cbs_kwb_neighbourhoods.csv.gz}).
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException when the municipality/year is not in the file or lacks figures
     */
    public static Calibration fromCbsFile(Path file, String municipalityCode, int year) {
        try {
            return CbsKeyFigures.read(file, municipalityCode, year);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CBS file " + file, e);
        }
    }

    /** Reads a calibration in the derived format written by {@link #write(Writer)}. */
    public static Calibration read(Reader reader) throws IOException {
        return CalibrationCsv.read(reader);
    }

    /** Writes this calibration in the small derived CSV format, with the CBS attribution as a comment line. */
    public void write(Writer writer) throws IOException {
        CalibrationCsv.write(this, writer);
    }

    /** Total residents of the included districts. */
    public long districtPopulation() {
        long sum = 0;
        for (District d : districts) {
            sum += d.population();
        }
        return sum;
    }

    /** Lazily read, once, on first use. */
    private static final class Bundled {
        static final Calibration INSTANCE = load();

        private static Calibration load() {
            try (InputStream in = Calibration.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + BUNDLED_RESOURCE + " is missing from the classpath");
                }
                return read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
            }
        }
    }
}

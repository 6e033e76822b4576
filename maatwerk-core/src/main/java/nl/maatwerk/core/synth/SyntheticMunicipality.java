package nl.maatwerk.core.synth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.maatwerk.core.calibration.Calibration;

/**
 * A synthetic municipality: residents in households, their travel documents, cases and a contact
 * history, calibrated per district on CBS figures and fully determined by its settings and seed.
 *
 * <p>{@link #generate(SyntheticSink)} streams the records; it keeps one district's households in memory
 * and no contacts, so a million residents with ten million contacts need no more memory than a thousand.
 * The same settings always give the same records in the same order. Instances are immutable and
 * {@code generate} may be called any number of times, also from several threads at once.
 *
 * <pre>{@code
 * SyntheticMunicipality town = SyntheticMunicipality.builder()
 *         .citizens(20_000).months(12).endDate(LocalDate.of(2026, 3, 31)).seed(7).build();
 * SyntheticCsv.write(town, Path.of("out"), ProgressListener.NONE);
 * }</pre>
 */
public final class SyntheticMunicipality {

    /** Most residents one generation can hold (the BSN range 90000000x-99999999x holds about 9 million). */
    public static final int MAX_CITIZENS = 5_000_000;
    public static final int MAX_MONTHS = 120;
    public static final double MAX_CONTACTS_PER_CITIZEN_YEAR = 100.0;
    /** Time zone of the municipality: dates, office hours and the period boundaries are local to it. */
    public static final ZoneId ZONE = ContactCalendar.ZONE;

    private final int citizens;
    private final int months;
    private final LocalDate endDate;
    private final long seed;
    private final Calibration calibration;
    private final double contactsPerCitizenYear;
    private final List<PlantedSurge> surges;

    private SyntheticMunicipality(Builder b) {
        this.citizens = b.citizens;
        this.months = b.months;
        this.endDate = b.endDate != null ? b.endDate : LocalDate.now(ZONE);
        this.seed = b.seed;
        this.calibration = b.calibration != null ? b.calibration : Calibration.bundled();
        this.contactsPerCitizenYear = b.contactsPerCitizenYear;
        this.surges = List.copyOf(b.surges);
        for (PlantedSurge s : surges) {
            if (calibration.districts().stream().noneMatch(d -> d.code().equals(s.district()))) {
                throw new IllegalArgumentException("surge district " + s.district() + " is not a district of "
                        + calibration.municipalityCode());
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Generates everything and streams it to {@code sink}, on the calling thread. */
    public void generate(SyntheticSink sink) {
        Objects.requireNonNull(sink, "sink");
        new PopulationGenerator(this, sink).run();
    }

    /** Residents generated, children included; exactly this many citizen records are emitted. */
    public int citizens() {
        return citizens;
    }

    public int months() {
        return months;
    }

    /** Last day of the contact period. */
    public LocalDate endDate() {
        return endDate;
    }

    /** First day of the contact period: {@code months} before the end date, plus one day. */
    public LocalDate firstDay() {
        return endDate.minusMonths(months).plusDays(1);
    }

    /** Start of the contact period (inclusive): local midnight of {@link #firstDay()}. */
    public Instant periodStart() {
        return firstDay().atStartOfDay(ZONE).toInstant();
    }

    /** End of the contact period (exclusive): local midnight after {@link #endDate()}. */
    public Instant periodEnd() {
        return endDate.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    public long seed() {
        return seed;
    }

    public Calibration calibration() {
        return calibration;
    }

    public double contactsPerCitizenYear() {
        return contactsPerCitizenYear;
    }

    /** Planted surges, in the order they were added; usually none. */
    public List<PlantedSurge> surges() {
        return surges;
    }

    @Override
    public String toString() {
        return "SyntheticMunicipality[" + calibration.municipalityCode() + ", citizens=" + citizens + ", months="
                + months + ", endDate=" + endDate + ", seed=" + seed + ", contactsPerCitizenYear="
                + contactsPerCitizenYear + (surges.isEmpty() ? "" : ", surges=" + surges) + "]";
    }

    /**
     * Settings of a synthetic municipality. Every setter checks its argument at once and throws
     * {@link IllegalArgumentException} naming the bad value.
     */
    public static final class Builder {

        private int citizens = 20_000;
        private int months = 12;
        private LocalDate endDate;
        private long seed = 42L;
        private Calibration calibration;
        private double contactsPerCitizenYear = 1.6;
        private final List<PlantedSurge> surges = new ArrayList<>();

        private Builder() {
        }

        /** Residents to generate, children included (default 20,000), 1 to 5,000,000. */
        public Builder citizens(int citizens) {
            if (citizens < 1 || citizens > MAX_CITIZENS) {
                throw new IllegalArgumentException("citizens must be between 1 and " + MAX_CITIZENS + ", was " + citizens);
            }
            this.citizens = citizens;
            return this;
        }

        /** Months of contact history ending at the end date (default 12), 1 to 120. */
        public Builder months(int months) {
            if (months < 1 || months > MAX_MONTHS) {
                throw new IllegalArgumentException("months must be between 1 and " + MAX_MONTHS + ", was " + months);
            }
            this.months = months;
            return this;
        }

        /** Last day of the contact history (default: today in Europe/Amsterdam, fixed when built). */
        public Builder endDate(LocalDate endDate) {
            if (endDate == null) {
                throw new IllegalArgumentException("endDate must not be null");
            }
            if (endDate.getYear() < 2000 || endDate.getYear() > 2100) {
                throw new IllegalArgumentException("endDate must be within the years 2000-2100, was " + endDate);
            }
            this.endDate = endDate;
            return this;
        }

        /** Seed of the random streams (default 42); the same settings and seed give the same records. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** CBS calibration (default {@link Calibration#bundled()}, Amsterdam 2019). */
        public Builder calibration(Calibration calibration) {
            if (calibration == null) {
                throw new IllegalArgumentException("calibration must not be null");
            }
            this.calibration = calibration;
            return this;
        }

        /** Average contacts per resident per year, children included (default 1.6), more than 0 and at most 100. */
        public Builder contactsPerCitizenYear(double contactsPerCitizenYear) {
            if (!(contactsPerCitizenYear > 0.0 && contactsPerCitizenYear <= MAX_CONTACTS_PER_CITIZEN_YEAR)) {
                throw new IllegalArgumentException("contactsPerCitizenYear must be more than 0 and at most "
                        + MAX_CONTACTS_PER_CITIZEN_YEAR + ", was " + contactsPerCitizenYear);
            }
            this.contactsPerCitizenYear = contactsPerCitizenYear;
            return this;
        }

        /**
         * Plants a surge (or, with a factor below 1, a dip) of one topic in one district and week; may be
         * called more than once. Its district must belong to the calibration, which {@link #build()} checks.
         */
        public Builder surge(PlantedSurge surge) {
            if (surge == null) {
                throw new IllegalArgumentException("surge must not be null");
            }
            surges.add(surge);
            return this;
        }

        /** The municipality; throws {@link IllegalArgumentException} when a surge's district is unknown. */
        public SyntheticMunicipality build() {
            return new SyntheticMunicipality(this);
        }
    }
}

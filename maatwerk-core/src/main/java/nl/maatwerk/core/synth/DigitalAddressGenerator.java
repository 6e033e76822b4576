package nl.maatwerk.core.synth;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.RegistrationStatus;

/**
 * Gives a generated resident fictitious digital addresses and a stated preferred channel. Each is a pure function of
 * the seed and the resident's id (a SplitMix64 hash), so it leaves the generator's random stream alone and the
 * same seed gives the same addresses. Children under 16 and residents who moved out or died get none. Most adults
 * have an e-mail address (fewer among the oldest), most have a mobile phone, about a third the municipal app; the
 * stated preference leans toward letter with age.
 */
public final class DigitalAddressGenerator {

    private final long seed;
    private final LocalDate today;

    public DigitalAddressGenerator(long seed, LocalDate today) {
        this.seed = seed;
        this.today = Checks.notNull(today, "today");
    }

    /** The resident's addresses and preference, or null when they have none. */
    public GeneratedDigitalAddress of(GeneratedCitizen citizen) {
        int age = Period.between(citizen.birthDate(), today).getYears();
        if (age < 16 || citizen.status() != RegistrationStatus.RESIDENT) {
            return null;
        }
        UUID id = citizen.id();
        long h = mix(seed ^ id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 17));
        double old = Math.min(1.0, Math.max(0.0, (age - 60) / 30.0));
        boolean email = unit(h, 0) < 0.92 - 0.45 * old;
        boolean phone = unit(h, 1) < 0.95 - 0.25 * old;
        boolean app = unit(h, 2) < 0.35 - 0.25 * old;
        Channel preferred;
        double p = unit(h, 3);
        if (p < 0.08 + 0.5 * old || !(email || phone || app)) {
            preferred = Channel.LETTER;
        } else if (app && p < 0.35) {
            preferred = Channel.APP;
        } else if (phone && (p < 0.55 || !email)) {
            preferred = Channel.SMS;
        } else if (email) {
            preferred = Channel.EMAIL;
        } else {
            preferred = phone ? Channel.SMS : Channel.APP;
        }
        String hex = Long.toHexString(mix(h + 4)).substring(0, 8);
        return new GeneratedDigitalAddress(id,
                email ? "inwoner-" + hex + "@example.org" : null,
                phone ? String.format(Locale.ROOT, "+3169%07d", Math.floorMod(mix(h + 5), 10_000_000L)) : null,
                app ? "push-" + Long.toHexString(mix(h + 6)) + Long.toHexString(mix(h + 7)) : null,
                preferred);
    }

    private static double unit(long h, int draw) {
        return (mix(h + 0x9E3779B97F4A7C15L * (draw + 1)) >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

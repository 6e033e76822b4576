package nl.maatwerk.core.synth;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.maatwerk.core.calibration.Figures;
import nl.maatwerk.core.model.RegistrationStatus;

/*
 * Household- and person-level attributes and the planted preferences.
 *
 * Household level (shared by its members): migration background from the district's CBS 2019 western /
 * non-western shares; language from the background (nl for most, en/pl for western, tr/ar for
 * non-western backgrounds), so it varies by district; income band: low with the district's CBS share of
 * low-income households (a little likelier for non-western backgrounds, the district mean unchanged),
 * high growing with the square of the district's average income relative to the municipality's.
 *
 * Person level: social assistance for adults 18-66 in low-income households at the rate that reproduces
 * the district's CBS persons-on-bijstand share (~5% of adults); parking permits mostly for middle and
 * high incomes; a WMO indication rising steeply with age. Status: ~1.5% moved out (more among 18-34),
 * ~0.7% deceased (mostly 65+).
 *
 * Planted preferences: channel drawn from the age group's channel mix, hour block by age (the old in the
 * morning, working ages in the evening), responsiveness the mean of three uniforms (bell-shaped on 0-1).
 */
final class ResidentProfiles {

    private static final String[] LANGUAGES_WESTERN = {"nl", "en", "pl"};
    private static final double[] LANGUAGES_WESTERN_CUMULATIVE = Rng.cumulative(0.58, 0.30, 0.12);
    private static final String[] LANGUAGES_NON_WESTERN = {"nl", "tr", "ar", "en"};
    private static final double[] LANGUAGES_NON_WESTERN_CUMULATIVE = Rng.cumulative(0.58, 0.18, 0.20, 0.04);
    private static final double[][] BLOCKS_BY_AGE_GROUP = {
        Rng.cumulative(0.15, 0.35, 0.50), Rng.cumulative(0.15, 0.35, 0.50), Rng.cumulative(0.25, 0.30, 0.45),
        Rng.cumulative(0.30, 0.35, 0.35), Rng.cumulative(0.60, 0.35, 0.05), Rng.cumulative(0.65, 0.33, 0.02),
    };

    private final Rng rng;
    private final ChannelModel channels;
    private final double municipalityIncome;

    ResidentProfiles(Rng rng, ChannelModel channels, double municipalityIncome) {
        this.rng = rng;
        this.channels = channels;
        this.municipalityIncome = municipalityIncome;
    }

    /** Household-level draws: background, language, income band. */
    record HouseholdProfile(String migrationBackground, String language, String incomeBand) {
    }

    HouseholdProfile household(Figures f) {
        double u = rng.nextDouble();
        String background = u < f.nonWesternShare() ? "non_western"
                : u < f.nonWesternShare() + f.westernShare() ? "western" : "none";
        String language = switch (background) {
            case "western" -> LANGUAGES_WESTERN[rng.pick(LANGUAGES_WESTERN_CUMULATIVE)];
            case "non_western" -> LANGUAGES_NON_WESTERN[rng.pick(LANGUAGES_NON_WESTERN_CUMULATIVE)];
            default -> rng.chance(0.985) ? "nl" : "en";
        };
        double low = f.lowIncomeShare();
        double lowNonWestern = Math.min(0.9, low * 1.4);
        double lowOther = f.nonWesternShare() < 1.0
                ? Math.max(0.01, (low - f.nonWesternShare() * lowNonWestern) / (1.0 - f.nonWesternShare())) : low;
        double pLow = background.equals("non_western") ? lowNonWestern : lowOther;
        double ratio = f.averageIncomeKeur() / municipalityIncome;
        double pHigh = Math.max(0.03, Math.min(0.6, 0.22 * ratio * ratio));
        if (pLow + pHigh > 0.95) {
            pHigh = Math.max(0.0, 0.95 - pLow);
        }
        double v = rng.nextDouble();
        String income = v < pLow ? "low" : v < pLow + pHigh ? "high" : "middle";
        return new HouseholdProfile(background, language, income);
    }

    /** Person-level attributes, status and planted preferences; fills {@code r} and returns the attribute map. */
    Map<String, Object> person(Resident r, HouseholdProfile h, Figures f) {
        r.incomeBand = h.incomeBand();
        boolean adult = r.adult();
        double assistanceGivenLow = Math.min(0.9, f.socialAssistanceShare() / Math.max(0.01, f.lowIncomeShare() * 0.68));
        r.socialAssistance = adult && r.age < 67 && r.lowIncome() && rng.chance(assistanceGivenLow);
        double permit = !adult ? 0.0 : switch (h.incomeBand()) {
            case "high" -> 0.25;
            case "middle" -> 0.15;
            default -> 0.06;
        };
        if (r.age < 25 || r.age >= 80) {
            permit *= 0.35;
        }
        r.parkingPermit = rng.chance(permit);
        double wmo = r.age < 18 ? 0.01 : r.age < 65 ? (r.lowIncome() ? 0.05 : 0.02)
                : r.age < 75 ? 0.08 : r.age < 85 ? 0.2 : 0.45;
        r.wmoIndication = rng.chance(wmo);

        double deceased = r.age < 40 ? 0.0005 : r.age < 65 ? 0.003 : r.age < 80 ? 0.03 : 0.12;
        double movedOut = r.age >= 18 && r.age < 35 ? 0.025 : 0.01;
        double u = rng.nextDouble();
        r.status = u < deceased ? RegistrationStatus.DECEASED
                : u < deceased + movedOut ? RegistrationStatus.MOVED_OUT : RegistrationStatus.RESIDENT;

        r.ageGroup = ChannelModel.ageGroup(r.age);
        r.preferredChannel = channels.preferredChannel(r.ageGroup, rng);
        r.preferredBlock = rng.pick(BLOCKS_BY_AGE_GROUP[r.ageGroup]);
        double responsiveness = (rng.nextDouble() + rng.nextDouble() + rng.nextDouble()) / 3.0;
        r.responsiveness = Math.round(responsiveness * 1000) / 1000.0;

        Map<String, Object> attributes = new LinkedHashMap<>(8);
        attributes.put(CitizenAttributes.INCOME_BAND, h.incomeBand());
        attributes.put(CitizenAttributes.RECEIVES_SOCIAL_ASSISTANCE, r.socialAssistance);
        attributes.put(CitizenAttributes.PARKING_PERMIT_HOLDER, r.parkingPermit);
        attributes.put(CitizenAttributes.WMO_INDICATION, r.wmoIndication);
        attributes.put(CitizenAttributes.MIGRATION_BACKGROUND, h.migrationBackground());
        return attributes;
    }

    static PlantedPreference preference(Resident r) {
        return new PlantedPreference(r.id, r.preferredChannel, ChannelModel.BLOCK_NAMES[r.preferredBlock], r.responsiveness);
    }
}

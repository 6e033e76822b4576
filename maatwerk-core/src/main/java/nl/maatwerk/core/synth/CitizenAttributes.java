package nl.maatwerk.core.synth;

import java.util.List;

/**
 * Keys of {@link GeneratedCitizen#attributes()}; the server seeds its attribute register with exactly these.
 */
public final class CitizenAttributes {

    /** {@code low}, {@code middle} or {@code high}; shared by a household, correlated with the district. */
    public static final String INCOME_BAND = "income_band";

    /** Boolean; adults 18–66 in low-income households, about 5% of adults. */
    public static final String RECEIVES_SOCIAL_ASSISTANCE = "receives_social_assistance";

    /** Boolean; adults only. */
    public static final String PARKING_PERMIT_HOLDER = "parking_permit_holder";

    /** Boolean; WMO social-support indication. Health-related: a special category of personal data. */
    public static final String WMO_INDICATION = "wmo_indication";

    /**
     * {@code none}, {@code western} or {@code non_western} (CBS 2019 concept). A special category of
     * personal data, present so that the GDPR guard can be shown refusing it.
     */
    public static final String MIGRATION_BACKGROUND = "migration_background";

    /** All keys, in the order they appear in every citizen's attributes. */
    public static final List<String> KEYS = List.of(INCOME_BAND, RECEIVES_SOCIAL_ASSISTANCE, PARKING_PERMIT_HOLDER,
            WMO_INDICATION, MIGRATION_BACKGROUND);

    private CitizenAttributes() {
    }
}

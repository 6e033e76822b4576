package nl.maatwerk.core.model;

import java.util.Locale;

/** Kind of municipal case (zaaktype). */
public enum CaseType implements Coded {
    OBJECTION, PARKING_PERMIT, SOCIAL_SUPPORT, SOCIAL_ASSISTANCE, BUILDING_PERMIT, REGISTRATION_MOVE;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

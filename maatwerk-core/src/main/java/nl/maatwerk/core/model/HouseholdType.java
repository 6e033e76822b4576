package nl.maatwerk.core.model;

import java.util.Locale;

/** Composition of a household, after CBS household types. */
public enum HouseholdType implements Coded {
    SINGLE, COUPLE, FAMILY_WITH_CHILDREN, SINGLE_PARENT, OTHER;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

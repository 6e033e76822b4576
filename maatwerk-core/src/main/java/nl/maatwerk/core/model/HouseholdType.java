package nl.maatwerk.core.model;

/** Composition of a household, after CBS household types. */
public enum HouseholdType implements Coded {
    SINGLE, COUPLE, FAMILY_WITH_CHILDREN, SINGLE_PARENT, OTHER;

    @Override
    public String code() {
        return name().toLowerCase();
    }
}

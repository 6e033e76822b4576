package nl.maatwerk.core.synth;

import nl.maatwerk.core.model.HouseholdType;

/**
 * A household of the plan: its type and the ages of its members, adults (the heads) first, then the
 * children. {@code youngestChildAge} is -1 for households without children.
 */
record PlannedHousehold(HouseholdType type, int[] ages, int heads, int youngestChildAge) {

    int size() {
        return ages.length;
    }

    boolean isChild(int member) {
        return member >= heads;
    }
}

package nl.maatwerk.core.calibration;

/**
 * Share of private households of each CBS kind: single-person, multi-person without children and with
 * children (CBS {@code households_single_person}, {@code households_without_children},
 * {@code households_with_children}); they add up to 1.
 */
public record HouseholdMix(double singlePerson, double withoutChildren, double withChildren) {

    public HouseholdMix {
        Shares.requireShare("singlePerson", singlePerson);
        Shares.requireShare("withoutChildren", withoutChildren);
        Shares.requireShare("withChildren", withChildren);
        Shares.requireSumOne("household shares", singlePerson, withoutChildren, withChildren);
    }

    /** Shares from household counts. */
    public static HouseholdMix fromCounts(double single, double without, double with) {
        double sum = single + without + with;
        if (!(sum > 0)) {
            throw new IllegalArgumentException("household counts must add up to more than 0, was " + sum);
        }
        return new HouseholdMix(single / sum, without / sum, with / sum);
    }

    /** The shares in the order single-person, without children, with children. */
    public double[] toArray() {
        return new double[] {singlePerson, withoutChildren, withChildren};
    }
}

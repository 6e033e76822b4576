package nl.maatwerk.core.synth;

import java.util.ArrayList;
import java.util.List;
import nl.maatwerk.core.calibration.Figures;
import nl.maatwerk.core.model.HouseholdType;

/*
 * Plans the households of one district so that both the CBS household mix and the CBS age pyramid hold.
 *
 * 1. The number of households is residents / average household size. It is split by largest remainder
 *    over the CBS kinds single / without children / with children, so the district's household shares
 *    are exact up to rounding. "Without children" becomes couple (85%) or other (15%, 2-4 adults);
 *    "with children" becomes family_with_children (75%, two parents) or single_parent (25%).
 * 2. An AgePool holds the district's ages by CBS age band. Every child (< 18) goes to a household with
 *    children; each such household gets at least one child, extra children go preferably to families.
 *    Adults left over after the heads are placed become extra members of "other" households (up to 4)
 *    or adult children living at home; a household with children but no minor gets an adult child.
 * 3. If a district has too few adults for its heads (only for a handful of residents), families become
 *    single parents first, then couples and others become singles, then households without a minor
 *    become singles, then households are dropped.
 * 4. Ages are drawn from the pool: siblings near each other, the first parent 18-45 years older than the
 *    children (22-34 preferred) where the pool allows, a partner within a few years, singles last, so the
 *    pool is always emptied exactly.
 */
final class HouseholdPlanner {

    static final double OTHER_SHARE_OF_WITHOUT_CHILDREN = 0.15;
    static final double SINGLE_PARENT_SHARE_OF_WITH_CHILDREN = 0.25;
    private static final int MAX_MINORS = 6;

    private HouseholdPlanner() {
    }

    /** Drafted household: head count and slots, before ages are drawn. */
    private static final class Draft {
        HouseholdType type;
        int heads;
        int minors;
        int adultChildren;
        int extraAdults;

        Draft(HouseholdType type, int heads) {
            this.type = type;
            this.heads = heads;
        }
    }

    static List<PlannedHousehold> plan(int residents, Figures figures, Rng rng) {
        if (residents <= 0) {
            return List.of();
        }
        AgePool pool = AgePool.fromBands(residents, figures.ages(), rng);
        int minors = pool.count(0, AgePool.ADULT - 1);
        int adults = residents - minors;
        if (adults == 0) {
            return List.of(allInOne(pool, rng));
        }
        int households = (int) Math.max(1, Math.min(residents, Math.round(residents / figures.averageHouseholdSize())));
        int[] kinds = Quotas.largestRemainder(households, figures.households().toArray());
        int single = kinds[0];
        int other = (int) Math.round(kinds[1] * OTHER_SHARE_OF_WITHOUT_CHILDREN);
        int couple = kinds[1] - other;
        int singleParent = (int) Math.round(kinds[2] * SINGLE_PARENT_SHARE_OF_WITH_CHILDREN);
        int family = kinds[2] - singleParent;
        if (minors > 0 && family + singleParent == 0) {
            if (couple > 0) {
                couple--;
                family++;
            } else if (single > 0) {
                single--;
                singleParent++;
            } else {
                other--;
                family++;
            }
        }
        // make room for the adults: each step lowers the heads needed by one
        while (adults < needed(single, couple, other, family, singleParent, minors)) {
            if (family > 0) {
                family--;
                singleParent++;
            } else if (couple > 0) {
                couple--;
                single++;
            } else if (other > 0) {
                other--;
                single++;
            } else if (singleParent > minors) {      // a household that would need an adult child
                singleParent--;
                single++;
            } else if (single > 0) {
                single--;
            } else if (singleParent > 1) {
                singleParent--;
            } else {
                break;
            }
        }
        List<Draft> drafts = new ArrayList<>();
        List<Draft> withChildren = new ArrayList<>();
        List<Draft> others = new ArrayList<>();
        add(drafts, null, HouseholdType.SINGLE, 1, single);
        add(drafts, null, HouseholdType.COUPLE, 2, couple);
        add(drafts, others, HouseholdType.OTHER, 2, other);
        add(drafts, withChildren, HouseholdType.FAMILY_WITH_CHILDREN, 2, family);
        add(drafts, withChildren, HouseholdType.SINGLE_PARENT, 1, singleParent);
        rng.shuffle(withChildren);
        distributeChildren(withChildren, minors, rng);
        int extra = adults - needed(single, couple, other, family, singleParent, minors);
        distributeExtraAdults(drafts, others, withChildren, extra, rng);
        List<PlannedHousehold> result = new ArrayList<>(drafts.size());
        for (Draft d : withChildren) {
            result.add(withAges(d, pool, rng));
        }
        for (Draft d : drafts) {
            if (d.type == HouseholdType.COUPLE || d.type == HouseholdType.OTHER) {
                result.add(withAges(d, pool, rng));
            }
        }
        for (Draft d : drafts) {
            if (d.type == HouseholdType.SINGLE) {
                result.add(withAges(d, pool, rng));
            }
        }
        if (pool.size() != 0) {
            throw new IllegalStateException(pool.size() + " residents left unplaced in a district of " + residents);
        }
        rng.shuffle(result);
        return result;
    }

    private static int needed(int single, int couple, int other, int family, int singleParent, int minors) {
        int withChildren = family + singleParent;
        return single + 2 * couple + 2 * other + 2 * family + singleParent + Math.max(0, withChildren - minors);
    }

    private static void add(List<Draft> all, List<Draft> group, HouseholdType type, int heads, int count) {
        for (int i = 0; i < count; i++) {
            Draft d = new Draft(type, heads);
            all.add(d);
            if (group != null) {
                group.add(d);
            }
        }
    }

    private static void distributeChildren(List<Draft> withChildren, int minors, Rng rng) {
        if (withChildren.isEmpty()) {
            return;
        }
        int first = Math.min(minors, withChildren.size());
        for (int i = 0; i < withChildren.size(); i++) {
            if (i < first) {
                withChildren.get(i).minors = 1;
            } else {
                withChildren.get(i).adultChildren = 1;
            }
        }
        double[] weights = new double[first];
        for (int i = 0; i < first; i++) {
            weights[i] = withChildren.get(i).type == HouseholdType.FAMILY_WITH_CHILDREN ? 1.6 : 1.0;
        }
        double[] cumulative = first > 0 ? Rng.cumulative(weights) : null;
        for (int left = minors - first; left > 0; left--) {
            Draft d = withChildren.get(rng.pick(cumulative));
            for (int tries = 0; d.minors >= MAX_MINORS && tries < 8; tries++) {
                d = withChildren.get(rng.pick(cumulative));
            }
            d.minors++;
        }
    }

    private static void distributeExtraAdults(List<Draft> all, List<Draft> others, List<Draft> withChildren,
                                              int extra, Rng rng) {
        for (Draft d : others) {
            if (extra == 0) {
                return;
            }
            double u = rng.nextDouble();
            int more = Math.min(extra, u < 0.55 ? 0 : u < 0.85 ? 1 : 2);
            d.extraAdults += more;
            extra -= more;
        }
        while (extra > 0) {
            if (!withChildren.isEmpty()) {
                rng.pick(withChildren).adultChildren++;
            } else if (!others.isEmpty()) {
                rng.pick(others).extraAdults++;
            } else {
                Draft d = rng.pick(all);   // only when a district has no multi-person households at all
                d.type = HouseholdType.OTHER;
                d.extraAdults++;
                others.add(d);
            }
            extra--;
        }
    }

    private static PlannedHousehold withAges(Draft d, AgePool pool, Rng rng) {
        int heads = d.heads + d.extraAdults;
        int[] ages = new int[heads + d.minors + d.adultChildren];
        int next = heads;
        int youngest = Integer.MAX_VALUE;
        int oldest = -1;
        for (int i = 0; i < d.minors; i++) {
            int age = i == 0 ? pool.takeRandom(0, AgePool.ADULT - 1, rng)
                    : pool.takeNear(ages[heads] + rng.between(-5, 5), 0, AgePool.ADULT - 1);
            if (age < 0) {
                age = pool.takeRandom(0, AgePool.ADULT - 1, rng);
            }
            ages[next++] = age;
            youngest = Math.min(youngest, age);
            oldest = Math.max(oldest, age);
        }
        for (int i = 0; i < d.adultChildren; i++) {
            int target = oldest >= 0 ? Math.max(AgePool.ADULT, oldest + rng.between(1, 4)) : rng.between(18, 24);
            int age = pool.takeAdultNear(target, AgePool.ADULT, 30);
            ages[next++] = age;
            youngest = Math.min(youngest, age);
            oldest = Math.max(oldest, age);
        }
        if (oldest >= 0) {
            int lo = oldest + 18;
            int hi = Math.max(lo, youngest + 45);
            int target = Math.min(hi, oldest + rng.between(22, 34));
            ages[0] = pool.takeAdultNear(target, lo, hi);
            if (d.heads == 2) {
                ages[1] = pool.takeAdultNear(ages[0] + rng.between(-4, 4), lo, hi + 4);
            }
        } else if (d.type == HouseholdType.COUPLE) {
            ages[0] = pool.takeRandom(AgePool.ADULT, AgePool.MAX_AGE, rng);
            ages[1] = pool.takeAdultNear(ages[0] + rng.between(-5, 5), AgePool.ADULT, AgePool.MAX_AGE);
        } else if (d.type == HouseholdType.OTHER) {
            ages[0] = pool.takeRandom(AgePool.ADULT, AgePool.MAX_AGE, rng);
            for (int i = 1; i < d.heads; i++) {
                ages[i] = pool.takeAdultNear(ages[0] + rng.between(-8, 8), AgePool.ADULT, AgePool.MAX_AGE);
            }
        } else {
            ages[0] = pool.takeRandom(AgePool.ADULT, AgePool.MAX_AGE, rng);
        }
        for (int i = d.heads; i < heads; i++) {    // extra adults of an "other" household
            ages[i] = pool.takeAdultNear(ages[0] + rng.between(-10, 10), AgePool.ADULT, AgePool.MAX_AGE);
        }
        for (int age : ages) {
            if (age < 0) {
                throw new IllegalStateException("age pool ran out while planning a " + d.type.code() + " household");
            }
        }
        return new PlannedHousehold(d.type, ages, heads, oldest >= 0 ? youngest : -1);
    }

    /** A district without adults (only possible for a handful of residents): one household of everyone. */
    private static PlannedHousehold allInOne(AgePool pool, Rng rng) {
        int[] ages = new int[pool.size()];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = pool.takeRandom(0, AgePool.MAX_AGE, rng);
        }
        return new PlannedHousehold(HouseholdType.OTHER, ages, ages.length, -1);
    }
}

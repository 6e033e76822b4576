package nl.maatwerk.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.maatwerk.core.calibration.AgeBands;
import nl.maatwerk.core.calibration.Calibration;
import nl.maatwerk.core.calibration.District;
import nl.maatwerk.core.calibration.Figures;
import nl.maatwerk.core.calibration.HouseholdMix;
import nl.maatwerk.core.model.HouseholdType;
import org.junit.jupiter.api.Test;

class HouseholdPlannerTests {

    @Test
    void plan_everyDistrictAndSize_placesEveryResidentOnce() {
        Rng rng = new Rng(1);
        for (District d : Calibration.bundled().districts()) {
            for (int residents : new int[] {1, 2, 3, 5, 17, 120, 999}) {
                List<PlannedHousehold> plan = HouseholdPlanner.plan(residents, d.figures(), rng);
                assertThat(plan.stream().mapToInt(PlannedHousehold::size).sum()).as("%s, %d", d.code(), residents)
                        .isEqualTo(residents);
            }
        }
    }

    @Test
    void plan_minors_onlyInHouseholdsWithChildrenAndNeverAsHeads() {
        Figures f = Calibration.bundled().districts().get(40).figures();
        for (PlannedHousehold h : HouseholdPlanner.plan(5_000, f, new Rng(3))) {
            for (int m = 0; m < h.size(); m++) {
                if (h.ages()[m] < 18) {
                    assertThat(h.isChild(m)).isTrue();
                    assertThat(h.type()).isIn(HouseholdType.FAMILY_WITH_CHILDREN, HouseholdType.SINGLE_PARENT);
                }
            }
            assertThat(h.youngestChildAge() >= 0)
                    .isEqualTo(h.type() == HouseholdType.FAMILY_WITH_CHILDREN || h.type() == HouseholdType.SINGLE_PARENT);
        }
    }

    @Test
    void plan_studentDistrictWithFewHouseholdsWithChildren_stillPlacesEveryone() {
        Figures students = new Figures(new AgeBands(0.03, 0.55, 0.34, 0.07, 0.01), new HouseholdMix(0.94, 0.04, 0.02),
                1.1, 0.2, 0.3, 0.3, 20.0, 0.02);
        List<PlannedHousehold> plan = HouseholdPlanner.plan(715, students, new Rng(9));

        assertThat(plan.stream().mapToInt(PlannedHousehold::size).sum()).isEqualTo(715);
    }
}

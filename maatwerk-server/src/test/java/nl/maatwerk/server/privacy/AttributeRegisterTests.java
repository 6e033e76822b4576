package nl.maatwerk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import nl.maatwerk.core.synth.CitizenAttributes;
import nl.maatwerk.server.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class AttributeRegisterTests {

    @Autowired
    AttributeRegister register;

    @Test
    void register_declaresEveryAttributeTheGeneratorProduces() {
        assertThat(register.all()).extracting(AttributeDefinition::name).containsAll(CitizenAttributes.KEYS);
    }

    @Test
    void specialCategories_areFlaggedAndServeNoTargetingPurpose() {
        assertThat(register.find("wmo_indication").orElseThrow().specialCategory()).isEqualTo("health");
        assertThat(register.find("migration_background").orElseThrow().specialCategory()).isEqualTo("ethnicity");
        assertThat(register.all()).filteredOn(AttributeDefinition::hasSpecialCategory)
                .allSatisfy(a -> assertThat(a.purposes()).doesNotContain("segmentation", "proactive_service"));
    }
}

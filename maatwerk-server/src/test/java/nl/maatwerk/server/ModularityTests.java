package nl.maatwerk.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void capabilities_respectTheirBoundaries() {
        ApplicationModules.of(MaatwerkApplication.class).verify();
    }
}

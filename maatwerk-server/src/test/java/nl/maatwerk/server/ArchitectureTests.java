package nl.maatwerk.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "nl.maatwerk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule coreUsesNoSpring = noClasses().that().resideInAPackage("nl.maatwerk.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "nl.maatwerk.server..");

    @ArchTest
    static final ArchRule storesStayInsideTheirCapability = noClasses().that().haveSimpleNameEndingWith("Store")
            .should().bePublic();

    @ArchTest
    static final ArchRule nothingReadsTheTruthSchema = noClasses().that().resideOutsideOfPackage("nl.maatwerk.server.cli..")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("Truth");
}

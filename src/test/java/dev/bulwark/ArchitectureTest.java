package dev.bulwark;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the jar that already hold, enforced so they cannot regress (more follow with the endpoint
 * model): the public {@code api} package names no Bulwark internals, so applications compile against it alone;
 * the generic {@code config} package names no concern.
 */
class ArchitectureTest {

    /** The jar's classes: the build writes the tests to target/bulwark/test-classes, which ArchUnit's own test
     *  option (it looks for target/test-classes) would not leave out. */
    private static final JavaClasses BULWARK = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/")).importPackages("dev.bulwark");

    @Test
    void theApiDependsOnNothingElseInBulwark() {
        noClasses().that().resideInAPackage("dev.bulwark.api..")
                .should().dependOnClassesThat(resideInAPackage("dev.bulwark..")
                        .and(resideOutsideOfPackage("dev.bulwark.api..")))
                .orShould().dependOnClassesThat(resideOutsideOfPackages("dev.bulwark.api..", "java..",
                        "jakarta.validation..", "jakarta.interceptor..", "jakarta.enterprise.util..",
                        "jakarta.json.."))
                .because("applications compile against dev.bulwark.api, which must name no internal class")
                .check(BULWARK);
    }

    @Test
    void theGenericConfigPackageNamesNoConcern() {
        noClasses().that().resideInAPackage("dev.bulwark.config..")
                .should().dependOnClassesThat(resideInAPackage("dev.bulwark..")
                        .and(resideOutsideOfPackages("dev.bulwark.config..", "dev.bulwark.api..",
                                "dev.bulwark.logging..")))
                .because("each concern owns its keys and settings and reads them through config, so config"
                        + " depending on a concern would make a package cycle")
                .check(BULWARK);
    }
}

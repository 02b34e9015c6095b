package dev.bulwark;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the jar that already hold, enforced so they cannot regress (more follow with the endpoint
 * model): the public {@code api} package names no Bulwark internals, so applications compile against it alone.
 */
class ArchitectureTest {

    private static final JavaClasses BULWARK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.bulwark");

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
}

package dev.bulwark;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the jar, enforced so they cannot regress: the public {@code api} names no internals; the core
 * of each checklist concern is plain Java that the container adapters ({@code web} for servlets, {@code jaxrs}
 * and each concern's own {@code jaxrs} package for its filters, {@code cdi}, {@code resources} for the JAX-RS
 * resource model) call; packages do not depend on each other in
 * circles; and the CDI container is looked up only in the CDI adapter.
 */
class ArchitectureTest {

    /** The jar's classes: the build writes the tests to target/bulwark/test-classes, which ArchUnit's own test
     *  option (it looks for target/test-classes) would not leave out. */
    private static final JavaClasses BULWARK = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.bulwark");

    /** The packages that may use container types: each is the adapter to one container API. */
    private static final String[] ADAPTERS = {"dev.bulwark.internal.web..", "dev.bulwark.internal.jaxrs..",
        "dev.bulwark.internal..jaxrs..", "dev.bulwark.internal.cdi..", "dev.bulwark.internal.resources.."};

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
    void everythingButThePublicApiIsInternal() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideOutsideOfPackage("dev.bulwark.api..")
                .should().resideInAPackage("dev.bulwark.internal..")
                .because("applications use dev.bulwark.api only; the package name says what may change without notice")
                .check(BULWARK);
    }

    @Test
    void theConcernsUseNoContainerTypes() {
        noClasses().that().resideOutsideOfPackages(ADAPTERS).and().resideOutsideOfPackage("dev.bulwark.api..")
                .should().dependOnClassesThat(resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..",
                        "jakarta.enterprise..", "jakarta.interceptor.."))
                .because("each concern is plain Java, unit-tested without a server; the adapters translate")
                .check(BULWARK);
    }

    @Test
    void onlyTheCdiAdapterLooksUpTheContainer() {
        noClasses().that().resideOutsideOfPackage("dev.bulwark.internal.cdi..")
                .should().callMethod(CDI.class, "current")
                .because("CDI.current() is a global registry: everything else gets what it needs passed in")
                .check(BULWARK);
    }

    @Test
    void packagesDoNotDependOnEachOtherInCircles() {
        slices().matching("dev.bulwark.internal.(*)..").should().beFreeOfCycles().check(BULWARK);
    }

    @Test
    void thePipelineModelKnowsNoConcern() {
        noClasses().that().resideInAPackage("dev.bulwark.internal.pipeline..")
                .should().dependOnClassesThat(resideInAPackage("dev.bulwark..")
                        .and(resideOutsideOfPackage("dev.bulwark.internal.pipeline..")))
                .because("concerns plug into the model; the model names none of them")
                .check(BULWARK);
    }

    @Test
    void theGenericConfigPackageNamesNoConcern() {
        noClasses().that().resideInAPackage("dev.bulwark.internal.config..")
                .should().dependOnClassesThat(resideInAPackage("dev.bulwark..")
                        .and(resideOutsideOfPackages("dev.bulwark.internal.config..", "dev.bulwark.api..",
                                "dev.bulwark.internal.logging..", "dev.bulwark.internal.text..")))
                .because("each concern owns its keys and settings and reads them through config, so config"
                        + " depending on a concern would make a package cycle")
                .check(BULWARK);
    }
}

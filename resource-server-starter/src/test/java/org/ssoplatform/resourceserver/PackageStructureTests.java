package org.ssoplatform.resourceserver;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shared core (this package: annotations, caller, token and problem rules) serves both web stacks and needs
 * neither; {@code servlet} and {@code reactive} build on it and never on each other, so a service loads only the
 * stack it has.
 */
@AnalyzeClasses(packages = "org.ssoplatform.resourceserver", importOptions = { ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class })
class PackageStructureTests {

    private static final String CORE = "org.ssoplatform.resourceserver";

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.ssoplatform.resourceserver.(*)..").should()
        .beFreeOfCycles();

    @ArchTest
    static final ArchRule coreDependsOnNeitherWebStack = noClasses().that().resideInAPackage(CORE).should()
        .dependOnClassesThat()
        .resideInAnyPackage(CORE + ".servlet..", CORE + ".reactive..", "jakarta.servlet..",
                "org.springframework.web.servlet..", "org.springframework.web.reactive..",
                "org.springframework.web.server..", "org.springframework.security.web..", "reactor..");

    @ArchTest
    static final ArchRule servletSideNeedsNoReactiveStack = noClasses().that().resideInAPackage(CORE + ".servlet..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CORE + ".reactive..", "org.springframework.web.reactive..", "org.springframework.web.server..",
                "reactor..");

    @ArchTest
    static final ArchRule reactiveSideNeedsNoServletStack = noClasses().that().resideInAPackage(CORE + ".reactive..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CORE + ".servlet..", "jakarta.servlet..", "org.springframework.web.servlet..");
}

package org.ssoplatform.auth;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Features depend on each other in one direction only, and the wiring in {@code config} is a leaf. */
@AnalyzeClasses(packages = "org.ssoplatform.auth", importOptions = { ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class })
class PackageStructureTests {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.ssoplatform.auth.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingDependsOnTheWiring = noClasses().that()
        .resideOutsideOfPackage("org.ssoplatform.auth.config..")
        .should().dependOnClassesThat().resideInAPackage("org.ssoplatform.auth.config..");
}

package org.ssoplatform.gateway;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The gateway's packages depend on each other in one direction only. */
@AnalyzeClasses(packages = "org.ssoplatform.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTests {

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("org.ssoplatform.gateway.(*)..")
        .should()
        .beFreeOfCycles();
}

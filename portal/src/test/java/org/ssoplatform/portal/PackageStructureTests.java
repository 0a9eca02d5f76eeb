package org.ssoplatform.portal;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The portal's packages depend on each other in one direction only. */
@AnalyzeClasses(packages = "org.ssoplatform.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTests {

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("org.ssoplatform.portal.(*)..")
        .should()
        .beFreeOfCycles();
}

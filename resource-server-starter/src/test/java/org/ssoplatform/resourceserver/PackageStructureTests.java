package org.ssoplatform.resourceserver;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The library's packages depend on each other in one direction only (there is one package today, so none yet). */
@AnalyzeClasses(packages = "org.ssoplatform.resourceserver", importOptions = { ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class })
class PackageStructureTests {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.ssoplatform.resourceserver.(*)..").should()
        .beFreeOfCycles()
        .allowEmptyShould(true);
}

package org.ssoplatform.resourcereactive;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Feature packages depend on each other in one direction only (there is one package today, so none yet). */
@AnalyzeClasses(packages = "org.ssoplatform.resourcereactive", importOptions = { ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class })
class PackageStructureTests {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.ssoplatform.resourcereactive.(*)..").should().beFreeOfCycles()
        .allowEmptyShould(true);
}

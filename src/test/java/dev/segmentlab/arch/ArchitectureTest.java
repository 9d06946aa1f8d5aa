package dev.segmentlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of STYLE.md: a pure core, ViewModels without nodes, threads or stages. */
@AnalyzeClasses(packages = "dev.segmentlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreIsFreeOfJavaFx = noClasses().that().resideInAPackage("dev.segmentlab.core..")
      .should().dependOnClassesThat().resideInAPackage("javafx..");

  @ArchTest
  static final ArchRule coreDoesNotKnowTheAppOrCli = noClasses().that().resideInAPackage("dev.segmentlab.core..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.segmentlab.app..", "dev.segmentlab.cli..");

  @ArchTest
  static final ArchRule viewModelsHoldNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
      .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.concurrent..",
          "javafx.application..");

  @ArchTest
  static final ArchRule cliDoesNotUseTheApp = noClasses().that().resideInAPackage("dev.segmentlab.cli..")
      // except `bench ui`, which drives the real app as a person would (and only through app.bench)
      .and().haveNameNotMatching("dev\\.segmentlab\\.cli\\.UiBench(\\$.*)?")
      .should().dependOnClassesThat().resideInAPackage("dev.segmentlab.app..");

  @ArchTest
  static final ArchRule viewModelsLiveInTheApp = classes().that().haveSimpleNameEndingWith("ViewModel")
      .should().resideInAPackage("dev.segmentlab.app..");
}

package dev.segmentlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering that docs/ARCHITECTURE.md describes: a pure core with the pipeline on top, a fitted model that
 * knows only features and clustering, ViewModels without nodes, threads or stages, a CLI that never reaches into
 * the app. Change that document and these rules together.
 */
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
      .should().dependOnClassesThat().resideInAPackage("dev.segmentlab.app..");

  @ArchTest
  static final ArchRule nothingInTheCoreBelowThePipelineUsesIt = noClasses().that()
      .resideInAnyPackage("dev.segmentlab.core.data..", "dev.segmentlab.core.quality..", "dev.segmentlab.core.features..",
          "dev.segmentlab.core.cluster..", "dev.segmentlab.core.segments..", "dev.segmentlab.core.model..",
          "dev.segmentlab.core.explore..", "dev.segmentlab.core.concurrent..")
      .should().dependOnClassesThat().resideInAPackage("dev.segmentlab.core.pipeline..");

  @ArchTest
  static final ArchRule theFittedModelKnowsOnlyFeaturesAndClustering = classes().that()
      .resideInAPackage("dev.segmentlab.core.model..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("dev.segmentlab.core.model..",
          "dev.segmentlab.core.features..", "dev.segmentlab.core.cluster..", "java..");

  @ArchTest
  static final ArchRule corePackagesHaveNoCycles = slices().matching("dev.segmentlab.core.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theConcurrencyToolsStandAlone = classes().that().resideInAPackage("dev.segmentlab.core.concurrent..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("dev.segmentlab.core.concurrent..", "java..");

  @ArchTest
  static final ArchRule viewModelsLiveInTheApp = classes().that().haveSimpleNameEndingWith("ViewModel")
      .should().resideInAPackage("dev.segmentlab.app..");
}

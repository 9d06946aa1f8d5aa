package dev.segmentlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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
      // except `bench ui`, which drives the real app as a person would (and only through app.bench)
      .and().haveNameNotMatching("dev\\.segmentlab\\.cli\\.UiBench(\\$.*)?")
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

  /** Views talk to their ViewModel; only the composition root ({@code AppContext}, {@code Screens}) wires. */
  @ArchTest
  static final ArchRule viewsDoNotReachIntoTheCompositionRoot = noClasses().that().haveSimpleNameEndingWith("View")
      .should().dependOnClassesThat().haveFullyQualifiedName("dev.segmentlab.app.AppContext")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.segmentlab.app.Session");

  /**
   * No two classes of the data layer use each other: the front door ({@code Datasets}) chooses a reader, the
   * readers share {@code ReadOptions}, {@code LoadReports} and the row builders, and none of them calls back.
   */
  @ArchTest
  static final ArchRule noTwoDataClassesUseEachOther = classes().that().resideInAPackage("dev.segmentlab.core.data")
      .should(new ArchCondition<JavaClass>("not be used by a class of core.data that it uses") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
          JavaClass self = top(c);
          for (Dependency d : c.getDirectDependenciesFromSelf()) {
            JavaClass other = top(d.getTargetClass());
            if (other.equals(self) || !other.getPackageName().equals("dev.segmentlab.core.data")) continue;
            boolean back = other.getAllClassesSelfIsAssignableTo().stream().noneMatch(self::equals)
                && usesAny(other, self);
            if (back) {
              events.add(SimpleConditionEvent.violated(c, self.getSimpleName() + " and " + other.getSimpleName()
                  + " use each other (" + d.getDescription() + ")"));
            }
          }
        }
      });

  private static JavaClass top(JavaClass c) {
    JavaClass t = c;
    while (t.getEnclosingClass().isPresent()) t = t.getEnclosingClass().get();
    return t;
  }

  /** Whether {@code from} or a class nested in it depends on {@code to} or a class nested in it. */
  private static boolean usesAny(JavaClass from, JavaClass to) {
    for (Dependency d : from.getDirectDependenciesFromSelf()) if (top(d.getTargetClass()).equals(to)) return true;
    for (JavaClass nested : from.getPackage().getClasses()) {
      if (nested.equals(from) || !top(nested).equals(from)) continue;
      for (Dependency d : nested.getDirectDependenciesFromSelf()) if (top(d.getTargetClass()).equals(to)) return true;
    }
    return false;
  }
}

package io.gradlens.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layering rules inside the GUI: UI-free contracts, pure colour maths, node-free view models. */
class ArchitectureTest {

  private static final JavaClasses APP = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.gradlens.app");

  @Test
  void serviceContractsUsePlainJavaOnly() {
    noClasses().that().resideInAPackage("io.gradlens.app.service..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..",
            "javax.swing..", "org.controlsfx..", "org.jfree..")
        .orShould().dependOnClassesThat().resideInAPackage("io.gradlens.app")
        .check(APP);
  }

  @Test
  void colourScalesArePure() {
    noClasses().that().resideInAPackage("io.gradlens.app.color..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..")
        .check(APP);
  }

  @Test
  void viewModelsHoldNoNodes() {
    noClasses().that().haveSimpleNameEndingWith("ViewModel")
        .or().haveSimpleNameEndingWith("Model").and().resideInAPackage("io.gradlens.app..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
            "org.controlsfx..", "org.jfree..")
        .check(APP);
  }
}

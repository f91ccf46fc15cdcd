package io.gradlens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.gradlens.data.PngFolderLoader;
import org.junit.jupiter.api.Test;

/**
 * The package layering of docs/architecture.md: data flows one way (data → nn → train → io,
 * explain), the command line and the GUI only call the packages below them, and only the GUI
 * touches UI toolkits.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gradlens");

    @Test
    void autodiffStandsAlone() {
        noClasses().that().resideInAPackage("io.gradlens.autodiff..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gradlens.nn..", "io.gradlens.train..",
                        "io.gradlens.data..", "io.gradlens.explain..", "io.gradlens.io..", "io.gradlens.cli..",
                        "io.gradlens.app..")
                .because("the tape is the foundation every other package builds on; it must not know them")
                .check(MAIN);
    }

    @Test
    void dataIsPlainJava() {
        noClasses().that().resideInAPackage("io.gradlens.data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "io.gradlens.nn..",
                        "io.gradlens.train..", "io.gradlens.explain..", "io.gradlens.cli..", "io.gradlens.app..")
                .because("datasets are read by the trainer, the explainers and the GUI alike, and load fast without "
                        + "ND4J's natives")
                .check(MAIN);
    }

    @Test
    void layersDoNotKnowTrainingOrExplanations() {
        noClasses().that().resideInAPackage("io.gradlens.nn..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gradlens.train..", "io.gradlens.explain..",
                        "io.gradlens.cli..", "io.gradlens.app..")
                .because("a model is used by training and by explanations; it must not depend on either")
                .check(MAIN);
    }

    @Test
    void coreDoesNotCallTheFrontEnds() {
        noClasses().that().resideInAnyPackage("io.gradlens.train..", "io.gradlens.explain..", "io.gradlens.io..",
                        "io.gradlens.experiment..", "io.gradlens.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gradlens.cli..", "io.gradlens.app..")
                .because("the CLI and the GUI call the same core code; the core never calls them")
                .check(MAIN);
        noClasses().that().resideInAPackage("io.gradlens.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.gradlens.app..")
                .because("the command line must run without a display")
                .check(MAIN);
    }

    @Test
    void onlyTheGuiUsesUiToolkits() {
        noClasses().that().resideOutsideOfPackage("io.gradlens.app..")
                .and().doNotHaveFullyQualifiedName(PngFolderLoader.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.imageio..")
                .because("everything but the GUI runs headless (CLI, tests, CI); PNG decoding through ImageIO is "
                        + "the one exception")
                .check(MAIN);
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("io.gradlens.(*)..")
                .should().beFreeOfCycles()
                .because("data flows one way (format, data, autodiff → nn → train → explain, io → export → "
                        + "workflow → cli, app); a cycle means two packages can only change together")
                .check(MAIN);
    }

    @Test
    void onlyTheCommandLinePrints() {
        noClasses().that().resideOutsideOfPackage("io.gradlens.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("results reach users through the CLI's formatters or the GUI's views; core code reports "
                        + "through return values, listeners and exceptions, so the GUI never loses a message to "
                        + "a console nobody reads")
                .check(MAIN);
    }

    @Test
    void lowerFloorsDoNotCallTheWorkflowOrExport() {
        noClasses().that().resideInAnyPackage("io.gradlens.autodiff..", "io.gradlens.format..",
                        "io.gradlens.data..", "io.gradlens.nn..", "io.gradlens.train..", "io.gradlens.explain..",
                        "io.gradlens.io..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gradlens.workflow..", "io.gradlens.export..")
                .because("use cases are orchestrated once, in workflow, on top of the core; export writes the "
                        + "core's results; neither may be reached from below")
                .check(MAIN);
    }
}

package io.gradlens.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The data package stays plain Java: no ND4J, no JavaFX, and java.awt only to decode PNGs. */
class DataArchitectureTest {

    private final JavaClasses data = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gradlens.data");

    @Test
    void noNd4jOrJavafx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "javafx..", "io.gradlens.app..")
                .check(data);
    }

    @Test
    void awtOnlyInThePngLoader() {
        noClasses().that().doNotHaveFullyQualifiedName(PngFolderLoader.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..")
                .check(data);
    }
}

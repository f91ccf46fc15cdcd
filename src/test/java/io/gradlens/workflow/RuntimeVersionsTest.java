package io.gradlens.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Versions come from the class path at run time, not from literals. */
class RuntimeVersionsTest {

    /** The version inside the jar that actually holds ND4J's classes, read by another route. */
    private static String nd4jJarVersion() throws Exception {
        Path jar = Path.of(org.nd4j.linalg.factory.Nd4j.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            Properties p = new Properties();
            p.load(file.getInputStream(file.getEntry(RuntimeVersions.ND4J_POM)));
            String version = p.getProperty("version");
            // Maven names the jar after the same version.
            assertEquals("nd4j-api-" + version + ".jar", jar.getFileName().toString());
            return version;
        }
    }

    @Test
    void nd4jsVersionIsWhatItsJarSays() throws Exception {
        assertEquals(nd4jJarVersion(), RuntimeVersions.nd4j());
    }

    @Test
    void gradlensVersionIsThePomsProjectVersionThroughTheBuild() throws Exception {
        // The tests run from target/classes, as bin/gradlens and javafx:run do: no jar manifest, so
        // the version must come from the filtered version.properties, i.e. from pom.xml itself.
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        java.util.regex.Matcher project = java.util.regex.Pattern.compile(
                "<artifactId>gradlens</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(project.find(), "pom.xml names GradLens' version");
        assertEquals(project.group(1), RuntimeVersions.gradlens());
        assertNull(RuntimeVersions.pomVersion("META-INF/maven/no/such/pom.properties"));
    }

    @Test
    void jvmAndOsAreTheSystemProperties() {
        assertEquals(System.getProperty("java.version"), RuntimeVersions.java());
        assertEquals(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"), RuntimeVersions.os());
    }
}

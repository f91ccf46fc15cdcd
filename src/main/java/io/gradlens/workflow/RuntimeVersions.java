package io.gradlens.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions of GradLens and ND4J in this JVM, read at run time from the class path: a package's
 * {@code Implementation-Version} from its jar manifest, else the {@code pom.properties} Maven puts
 * into every jar ({@code META-INF/maven/<group>/<artifact>/pom.properties}); for GradLens run from
 * its build folder, the {@code io/gradlens/version.properties} that Maven's resource filtering fills
 * with the project's version. Never a literal, so a bundle records what actually trained it.
 */
public final class RuntimeVersions {

    /** Where the build records GradLens' version (filtered from {@code pom.xml}). */
    static final String GRADLENS_BUILD = "io/gradlens/version.properties";
    /** What GradLens reports when no metadata names its version (classes compiled outside Maven). */
    public static final String DEVELOPMENT = "development build";
    /** Where Maven records ND4J's version inside {@code nd4j-api.jar}. */
    static final String ND4J_POM = "META-INF/maven/org.nd4j/nd4j-api/pom.properties";
    /** Where Maven records GradLens' version inside its jar. */
    static final String GRADLENS_POM = "META-INF/maven/io.gradlens/gradlens/pom.properties";

    private RuntimeVersions() {
    }

    /** GradLens' version, or {@value #DEVELOPMENT} when no metadata names one. */
    public static String gradlens() {
        String manifest = RuntimeVersions.class.getPackage().getImplementationVersion();
        if (manifest != null) {
            return manifest;
        }
        String pom = pomVersion(GRADLENS_POM);
        if (pom != null) {
            return pom;
        }
        String build = pomVersion(GRADLENS_BUILD);
        return build != null && !build.startsWith("${") ? build : DEVELOPMENT;
    }

    /** ND4J's version as {@code nd4j-api}'s jar records it, or {@code "unknown"}. */
    public static String nd4j() {
        String pom = pomVersion(ND4J_POM);
        if (pom != null) {
            return pom;
        }
        String manifest = org.nd4j.linalg.factory.Nd4j.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "unknown";
    }

    /** The JVM: {@code java.version} as Java reports it. */
    public static String java() {
        return System.getProperty("java.version");
    }

    /** The JVM's vendor and name, e.g. {@code "Eclipse Adoptium OpenJDK 64-Bit Server VM"}. */
    public static String jvm() {
        return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name");
    }

    /** The operating system: name, version and architecture. */
    public static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
    }

    /** The {@code version} of a properties resource ({@code pom.properties} and the like), or null when absent. */
    static String pomVersion(String resource) {
        ClassLoader loader = RuntimeVersions.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || v.isBlank() ? null : v.strip();
        } catch (IOException e) {
            return null;
        }
    }
}

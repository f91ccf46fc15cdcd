package io.gradlens.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Help → About's facts, and that the licence list matches the libraries actually bundled. */
class AboutInfoTest {

    /** groupId:artifactId → version of every jar on the class path that lives in a Maven repository. */
    private static Map<String, String> classPathArtifacts() {
        Map<String, String> found = new HashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            Path versionDir = jar.getParent();
            if (!entry.endsWith(".jar") || versionDir == null || versionDir.getParent() == null) {
                continue;
            }
            Path artifactDir = versionDir.getParent();
            String path = artifactDir.toString().replace(File.separatorChar, '/');
            int repo = path.indexOf("/repository/");
            if (repo >= 0) {
                String group = path.substring(repo + "/repository/".length(), path.lastIndexOf('/')).replace('/', '.');
                found.put(group + ":" + artifactDir.getFileName(), versionDir.getFileName().toString());
            }
        }
        return found;
    }

    @Test
    void everyListedLibraryIsOnTheClassPathInTheListedVersion() {
        List<AboutInfo.License> licenses = AboutInfo.bundledLicenses();
        assertTrue(licenses.size() > 20, "the list names the bundled libraries: " + licenses);
        Map<String, String> onClassPath = classPathArtifacts();
        for (AboutInfo.License l : licenses) {
            assertEquals(onClassPath.get(l.artifact()), l.version(), l.artifact()
                    + ": rerun tools/dist/licenses.py after a dependency change");
            assertFalse(l.license().isBlank(), l.artifact());
        }
    }

    @Test
    void theTextNamesVersionsLogFolderAndLicences() {
        AboutInfo about = AboutInfo.current();
        String text = about.text();
        assertTrue(text.startsWith("GradLens " + RuntimeVersions.gradlens() + "\n"), text);
        assertTrue(text.contains("Log folder: " + about.logs().toAbsolutePath()), text);
        assertTrue(text.contains("org.openjfx:javafx-controls"), text);
        assertTrue(text.contains("com.fasterxml.jackson.core:jackson-databind"), text);
    }
}

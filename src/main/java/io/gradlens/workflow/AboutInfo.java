package io.gradlens.workflow;

import io.gradlens.install.AppDirectories;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Help → About shows: the versions of GradLens, ND4J and Java, the log folder, and the licence
 * of every bundled library, read from {@value #LICENSES} (written from the dependencies' POMs by
 * {@code tools/dist/licenses.py}).
 *
 * @param gradlens GradLens' version
 * @param nd4j ND4J's version
 * @param java the Java runtime's version and VM
 * @param logs the folder of the rotating log files
 * @param licenses the bundled libraries, sorted by artifact
 */
public record AboutInfo(String gradlens, String nd4j, String java, Path logs, List<License> licenses) {

    /** The class-path resource that lists the bundled libraries' licences. */
    public static final String LICENSES = "io/gradlens/third-party-licenses.tsv";

    /**
     * One bundled library.
     *
     * @param artifact {@code groupId:artifactId}
     * @param version its version
     * @param license the licence name(s) its POM declares
     */
    public record License(String artifact, String version, String license) {
    }

    /** This installation's facts (does not start ND4J). */
    public static AboutInfo current() {
        return new AboutInfo(RuntimeVersions.gradlens(), RuntimeVersions.nd4j(),
                RuntimeVersions.java() + " (" + RuntimeVersions.jvm() + ")", AppDirectories.current().logs(),
                bundledLicenses());
    }

    /** The bundled libraries listed in {@value #LICENSES}; empty when the resource is missing. */
    public static List<License> bundledLicenses() {
        List<License> list = new ArrayList<>();
        try (InputStream in = AboutInfo.class.getClassLoader().getResourceAsStream(LICENSES)) {
            if (in == null) {
                return list;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split("\t", 3);
                if (!line.startsWith("#") && f.length == 3) {
                    list.add(new License(f[0], f[1], f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    /** The dialog's text: versions, log folder, then one line per library. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("GradLens ").append(gradlens).append('\n');
        b.append("ND4J ").append(nd4j).append(", Java ").append(java).append('\n');
        b.append("Log folder: ").append(logs.toAbsolutePath()).append("\n\n");
        b.append("Bundled libraries and their licences:\n");
        for (License l : licenses) {
            b.append(l.artifact()).append(' ').append(l.version()).append(" \u2014 ").append(l.license()).append('\n');
        }
        return b.toString();
    }
}

package io.gradlens.workflow.influence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A name and seed that reproduce a dataset exactly, as the disk cache's key needs: a built-in
 * dataset by its name and generation seed, a dataset file by a SHA-256 of its content (so an edited
 * file gets a new key). A dataset with edits applied has no such name and is cached in memory only.
 *
 * @param name the built-in name, or {@code file-sha256:<hex>}
 * @param seed the seed the dataset was generated with (0 for a file)
 */
public record InfluenceDatasetName(String name, long seed) {

    public InfluenceDatasetName {
        Objects.requireNonNull(name, "name");
    }

    /** A built-in dataset generated with {@code seed}. */
    public static InfluenceDatasetName builtIn(String name, long seed) {
        return new InfluenceDatasetName(name, seed);
    }

    /**
     * A dataset file, or a dataset folder (e.g. PNG images in class folders), by its content: a
     * SHA-256 over every regular file below it, by relative path and bytes.
     */
    public static InfluenceDatasetName file(Path file) throws IOException {
        MessageDigest sha = sha256();
        if (Files.isDirectory(file)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(file)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                sha.update(file.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(f));
            }
        } else {
            sha.update(Files.readAllBytes(file));
        }
        return new InfluenceDatasetName("file-sha256:" + HexFormat.of().formatHex(sha.digest()), 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

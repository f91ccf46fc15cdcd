package io.gradlens.workflow.influence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

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

    /** A dataset file (or every regular file of a folder, by name), by its content. */
    public static InfluenceDatasetName file(Path file) throws IOException {
        byte[] digest;
        if (Files.isDirectory(file)) {
            digest = io.gradlens.explain.influence.InfluenceCache.digestFolder(file);
        } else {
            try {
                digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return new InfluenceDatasetName("file-sha256:" + HexFormat.of().formatHex(digest), 0);
    }
}

package io.gradlens.workflow.training;

import io.gradlens.data.DatasetsDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The SHA-256 of a training dataset's files, so a bundle says exactly which data trained it. One
 * file: the SHA-256 of its bytes (what {@code sha256sum FILE} prints). Several files (a built-in
 * dataset made of several shipped files, a folder): the SHA-256 of their {@code sha256sum} listing,
 * one {@code <hex>  <name>\n} line per file in a fixed order (for a folder: sorted relative paths).
 */
public final class DatasetFingerprint {

    /** The shipped files of each built-in dataset, in the order they are hashed. */
    static final Map<String, List<String>> BUILT_IN_FILES = Map.of(
            "mnist", List.of("mnist10k-train-images-idx3-ubyte.gz", "mnist10k-train-labels-idx1-ubyte.gz",
                    "mnist10k-test-images-idx3-ubyte.gz", "mnist10k-test-labels-idx1-ubyte.gz"),
            "decoy-mnist", List.of("mnist10k-train-images-idx3-ubyte.gz", "mnist10k-train-labels-idx1-ubyte.gz",
                    "mnist10k-test-images-idx3-ubyte.gz", "mnist10k-test-labels-idx1-ubyte.gz"),
            "digits", List.of("digits.csv.gz", "digits-test-rows.txt"),
            "sentences", List.of("sentences.tsv", "vader-lexicon.tsv"),
            "decoy-text", List.of("sentences.tsv"),
            "sotu", List.of("sotu-chunks.jsonl.gz"),
            "price", List.of("price.csv"));

    private DatasetFingerprint() {
    }

    /**
     * The fingerprint of {@code source}; empty when it has no files GradLens can read back (a dataset
     * built in code, a built-in whose files are not listed).
     */
    public static Optional<String> of(DatasetSource source) throws IOException {
        if (source.file().isPresent()) {
            return Optional.of(ofPath(source.file().get()));
        }
        if (source.builtIn().isPresent() && BUILT_IN_FILES.containsKey(source.builtIn().get())) {
            Path dir = DatasetsDirectory.locate();
            List<Path> files = new ArrayList<>();
            for (String name : BUILT_IN_FILES.get(source.builtIn().get())) {
                files.add(DatasetsDirectory.file(dir, name));
            }
            return Optional.of(ofFiles(dir, files));
        }
        return Optional.empty();
    }

    /** The fingerprint of a file, or of every regular file under a folder. */
    public static String ofPath(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return sha256(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + ": no such dataset file or folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        return ofFiles(path, files);
    }

    private static String ofFiles(Path base, List<Path> files) throws IOException {
        if (files.size() == 1) {
            return sha256(files.get(0));
        }
        StringBuilder listing = new StringBuilder();
        for (Path f : files) {
            listing.append(sha256(f)).append("  ").append(base.relativize(f).toString().replace('\\', '/'))
                    .append('\n');
        }
        return HexFormat.of().formatHex(digest().digest(listing.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The SHA-256 of a file's bytes, in lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

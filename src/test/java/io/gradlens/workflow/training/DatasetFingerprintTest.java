package io.gradlens.workflow.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset fingerprints agree with the shipped SHA256SUMS (what sha256sum prints). */
class DatasetFingerprintTest {

    @TempDir
    Path dir;

    private static Map<String, String> shippedSums() throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("datasets/SHA256SUMS"))) {
            String[] parts = line.split("\\s+", 2);
            sums.put(parts[1].strip(), parts[0]);
        }
        return sums;
    }

    @Test
    void aOneFileBuiltInIsThatFilesSum() throws Exception {
        assertEquals(Optional.of(shippedSums().get("sotu-chunks.jsonl.gz")),
                DatasetFingerprint.of(DatasetSource.builtIn("sotu")));
        assertEquals(Optional.of(shippedSums().get("price.csv")), DatasetFingerprint.of(DatasetSource.builtIn("price")));
    }

    @Test
    void aSeveralFileBuiltInIsTheSumOfItsSha256sumListing() throws Exception {
        Map<String, String> sums = shippedSums();
        String listing = sums.get("sentences.tsv") + "  sentences.tsv\n" + sums.get("vader-lexicon.tsv")
                + "  vader-lexicon.tsv\n";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(listing.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(expected), DatasetFingerprint.of(DatasetSource.builtIn("sentences")));
    }

    @Test
    void aFolderIsHashedOverItsSortedFilesAndChangesWithAnyOfThem() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("images/cat"));
        Files.writeString(folder.resolve("a.txt"), "one");
        Files.writeString(dir.resolve("images/b.txt"), "two");
        String before = DatasetFingerprint.ofPath(dir.resolve("images"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String b = HexFormat.of().formatHex(sha.digest("two".getBytes(StandardCharsets.UTF_8)));
        String a = HexFormat.of().formatHex(sha.digest("one".getBytes(StandardCharsets.UTF_8)));
        String listing = b + "  b.txt\n" + a + "  cat/a.txt\n";
        assertEquals(HexFormat.of().formatHex(sha.digest(listing.getBytes(StandardCharsets.UTF_8))), before);
        Files.writeString(folder.resolve("a.txt"), "One");
        assertNotEquals(before, DatasetFingerprint.ofPath(dir.resolve("images")));
        assertEquals(Optional.empty(), DatasetFingerprint.of(DatasetSource.UNKNOWN));
        assertEquals(List.of("digits.csv.gz", "digits-test-rows.txt"), DatasetFingerprint.BUILT_IN_FILES.get("digits"));
    }
}

package io.gradlens.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.format.ArchiveLimits;
import io.gradlens.format.BundleFormatException;
import io.gradlens.format.LimitExceededException;
import io.gradlens.format.Npy;
import io.gradlens.format.Npz;
import io.gradlens.format.SafeZip;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The format floor refuses the corpus' arrays and archives from what they declare, or while they
 * inflate, with an {@link IllegalArgumentException} that names the file and the setting.
 */
class ArchiveAndArrayLimitsTest {

    @TempDir
    Path dir;

    private static IllegalArgumentException npyFails(byte[] bytes) {
        return assertThrows(IllegalArgumentException.class, () -> Npy.read(bytes, "x.npy"));
    }

    @Test
    void npyShapesThatOverflowAreBadInputNotArithmetic() {
        IllegalArgumentException huge = npyFails(Corpus.npyShape("4611686018427387904, 4611686018427387904"));
        assertEquals(IllegalArgumentException.class, huge.getClass());
        assertTrue(huge.getMessage().startsWith("x.npy: shape [4611686018427387904, 4611686018427387904] declares more"
                + " bytes than a file can hold"), huge.getMessage());
        // 2^62 float32 elements are 2^64 bytes: a long wraps to 0, which matched the empty data before
        IllegalArgumentException wraps = npyFails(Corpus.npyShape("4611686018427387904,"));
        assertTrue(wraps.getMessage().contains("declares more bytes than a file can hold"), wraps.getMessage());
        IllegalArgumentException big = npyFails(Corpus.npyShape("100000, 100000"));
        assertEquals("x.npy: shape [100000, 100000] needs 40000000000 data bytes, found 0", big.getMessage());
        assertTrue(npyFails(Corpus.npyShape("3, -4")).getMessage().contains("negative dimension"));
    }

    @Test
    void aNegativeHeaderLengthIsATruncatedHeader() {
        IllegalArgumentException e = npyFails(Corpus.npyNegativeHeaderLength());
        assertEquals(IllegalArgumentException.class, e.getClass());
        assertEquals("x.npy: truncated .npy header (it declares 4294967280 header bytes, the array has 4)", e.getMessage());
    }

    @Test
    void aZipBombStopsAtTheRatioLimitWhileInflating() throws Exception {
        Path bomb = Corpus.zipBomb(dir.resolve("bomb.gradlens"), "weights.npz", 64L << 20);
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> SafeZip.read(bomb, SafeZip.MAX_ENTRY_BYTES, 4L << 30));
        assertTrue(e.getMessage().startsWith("bomb.gradlens: weights.npz: compression ratio ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("exceeds the limit of 100 inflated bytes per compressed byte"
                + " (raise it with -Dgradlens.limit.zipRatio=<inflated bytes per compressed byte>)"), e.getMessage());
        assertEquals(ArchiveLimits.RATIO, e.limit());
    }

    @Test
    void theEntryLimitIsCountedWhileInflatingAndCanBeRaised() throws Throwable {
        Path bomb = Corpus.zipBomb(dir.resolve("b.npz"), "w.npy", 8L << 20);
        Settings.withLimit("zipEntryBytes", "4m", () -> assertEquals("b.npz: w.npy: the inflated entry exceeds the"
                + " limit of 4194304 bytes (raise it with -Dgradlens.limit.zipEntryBytes=<bytes>)",
                assertThrows(LimitExceededException.class, () -> Npz.read(bomb)).getMessage()));
        Settings.withLimit("zipEntryBytes", "16m", () -> assertEquals(8L << 20,
                SafeZip.read(bomb, SafeZip.MAX_ENTRY_BYTES, Long.MAX_VALUE).get("w.npy").length));
    }

    @Test
    void aStoredEntryIsRefusedFromItsDeclaredSizeBeforeReading() throws Exception {
        Path stored = Corpus.storedHuge(dir.resolve("stored.gradlens"), "weights.npz", 1_900_000_000L, 5L << 30);
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> SafeZip.read(stored, SafeZip.MAX_ENTRY_BYTES, 4L << 30));
        assertEquals("stored.gradlens: weights.npz: declared size of 1900000000 bytes exceeds the limit of 1073741824"
                + " bytes (raise it with -Dgradlens.limit.zipEntryBytes=<bytes>)", e.getMessage());
    }

    @Test
    void anEntryThatInflatesPastItsDeclaredSizeIsCorrupt() throws Exception {
        Path lying = Corpus.deflatedLying(dir.resolve("lying.zip"), "a.npy", 10, 1 << 20);
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> SafeZip.read(lying, SafeZip.MAX_ENTRY_BYTES, Long.MAX_VALUE));
        assertEquals("lying.zip: a.npy: inflates to more than its declared 10 bytes", e.getMessage());
    }

    @Test
    void tooManyEntriesAreRefusedAtTheLimit() throws Throwable {
        Path many = Corpus.manyEntries(dir.resolve("many.npz"), 30);
        Settings.withLimit("zipEntries", "20", () -> assertEquals("many.npz: the entry count exceeds the limit of 20"
                + " entries (raise it with -Dgradlens.limit.zipEntries=<entries>)", assertThrows(
                LimitExceededException.class, () -> SafeZip.read(many, SafeZip.MAX_ENTRY_BYTES, Long.MAX_VALUE))
                .getMessage()));
    }

    @Test
    void aBombInsideAnInMemoryNpzIsRefusedToo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("dense/kernel.npy"));
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 32; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> Npz.read(bytes.toByteArray(), Path.of("m.gradlens"), "weights.npz"));
        assertTrue(e.getMessage().startsWith("m.gradlens: weights.npz: dense/kernel.npy: compression ratio"),
                e.getMessage());
        assertInstanceOf(LimitExceededException.class, e.getCause());
    }

    @Test
    void aBadSettingIsReportedWithItsName() throws Throwable {
        Path one = Corpus.manyEntries(dir.resolve("ok.npz"), 1);
        Settings.withLimit("zipEntries", "lots", () -> assertEquals("-Dgradlens.limit.zipEntries=lots is not a"
                + " positive whole number (optionally with k, m or g)", assertThrows(IllegalArgumentException.class,
                () -> SafeZip.read(one, SafeZip.MAX_ENTRY_BYTES, Long.MAX_VALUE)).getMessage()));
    }

    @Test
    void sparseFilesAreNoArchive() throws Exception {
        Path sparse = Corpus.sparse(dir.resolve("sparse.gradlens"), 3L << 30);
        assertTrue(Files.size(sparse) > (2L << 30));
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> SafeZip.read(sparse, SafeZip.MAX_ENTRY_BYTES, 4L << 30));
        assertEquals("sparse.gradlens: is not a zip archive, or an empty one", e.getMessage());
    }
}

package io.gradlens.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip archive into memory defensively: entry names must be plain relative paths (no
 * {@code ..}, no leading slash, no backslash, no duplicates), and each entry and the whole archive
 * are size-limited while decompressing ({@link ArchiveLimits}: entry count, declared and inflated
 * sizes, compression ratio), so a zip bomb stops at the limit without holding its bytes. Limits are
 * refused with a {@link LimitExceededException} naming the setting that raises them.
 */
public final class SafeZip {

    /**
     * The largest entry a byte array can hold (2 GiB), for callers without a cap of their own; the
     * limit in force is the lower of a caller's and {@link ArchiveLimits#ENTRY_BYTES}.
     */
    public static final long MAX_ENTRY_BYTES = Integer.MAX_VALUE - 16L;

    private SafeZip() {
    }

    /** Every entry of {@code zip} by name, or an exception naming the file and entry. */
    public static Map<String, byte[]> read(Path zip, long maxEntryBytes, long maxTotalBytes) throws IOException {
        try (InputStream raw = Files.newInputStream(zip)) {
            return read(raw, zip, maxEntryBytes, maxTotalBytes);
        }
    }

    /**
     * Every entry of the zip archive in {@code raw} by name; {@code zip} names the archive in
     * messages. The limits in force are the lower of the caller's and {@link ArchiveLimits}'.
     */
    public static Map<String, byte[]> read(InputStream raw, Path zip, long maxEntryBytes, long maxTotalBytes)
            throws IOException {
        Budget budget = new Budget(zip, Math.min(maxEntryBytes, ArchiveLimits.ENTRY_BYTES.value()),
                Math.min(maxTotalBytes, ArchiveLimits.TOTAL_BYTES.value()));
        long maxEntries = ArchiveLimits.ENTRIES.value();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        CountingInputStream counted = new CountingInputStream(raw);
        long seen = 0;
        try (ZipInputStream in = new ZipInputStream(counted)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++seen > maxEntries) {
                    throw new LimitExceededException(zip, null, "the entry count",
                            ArchiveLimits.ENTRIES, maxEntries);
                }
                String name = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                checkName(zip, name);
                if (entries.containsKey(name)) {
                    throw new BundleFormatException(zip, name, "appears twice in the archive");
                }
                budget.checkDeclared(name, e.getSize());
                entries.put(name, budget.inflate(in, counted, name, e.getSize()));
            }
        } catch (ZipException e) {
            throw new BundleFormatException(zip, null, "is not a valid zip archive (" + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new BundleFormatException(zip, null, "is truncated", e);
        }
        if (entries.isEmpty()) {
            throw new BundleFormatException(zip, null, "is not a zip archive, or an empty one");
        }
        return entries;
    }

    private static void checkName(Path zip, String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")) {
            throw new BundleFormatException(zip, name, "is not a plain relative entry name");
        }
        for (String part : name.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                throw new BundleFormatException(zip, name, "contains a path step '" + part + "'");
            }
        }
    }

    /** The bytes an archive may still inflate to; each entry is counted while it inflates. */
    private static final class Budget {
        private final Path zip;
        private final long entryLimit;
        private final long totalLimit;
        private long total;

        Budget(Path zip, long entryLimit, long totalLimit) {
            this.zip = zip;
            this.entryLimit = entryLimit;
            this.totalLimit = totalLimit;
        }

        /** Refuses an entry whose local header already declares too much (-1: not declared). */
        void checkDeclared(String name, long declared) {
            if (declared > entryLimit) {
                throw new LimitExceededException(zip, name, "declared size of " + declared + " bytes",
                        ArchiveLimits.ENTRY_BYTES, entryLimit);
            }
            if (declared > totalLimit - total) {
                throw new LimitExceededException(zip, name, "inflated archive size (" + (total + declared)
                        + " bytes with this entry)", ArchiveLimits.TOTAL_BYTES, totalLimit);
            }
        }

        /** Inflates one entry, counting bytes as they come: never trusts the declared size alone. */
        byte[] inflate(InputStream in, CountingInputStream compressed, String name, long declared) throws IOException {
            long ratio = ArchiveLimits.RATIO.value();
            long compressedStart = compressed.count();
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 0), 1 << 20));
            byte[] buffer = new byte[1 << 16];
            long read = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                read += n;
                if (read > entryLimit) {
                    throw new LimitExceededException(zip, name, "the inflated entry",
                            ArchiveLimits.ENTRY_BYTES, entryLimit);
                }
                if (read > totalLimit - total) {
                    throw new LimitExceededException(zip, name, "the inflated archive", ArchiveLimits.TOTAL_BYTES, totalLimit);
                }
                if (declared >= 0 && read > declared) {
                    throw new BundleFormatException(zip, name, "inflates to more than its declared " + declared + " bytes");
                }
                long packed = Math.max(1, compressed.count() - compressedStart);
                if (read > ArchiveLimits.RATIO_FLOOR_BYTES && read / packed > ratio) {
                    throw new LimitExceededException(zip, name, "compression ratio (" + read + " bytes from "
                            + packed + " compressed, a zip bomb?)", ArchiveLimits.RATIO, ratio);
                }
                out.write(buffer, 0, n);
            }
            total += read;
            return out.toByteArray();
        }
    }
}

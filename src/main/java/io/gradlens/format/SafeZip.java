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
 * are size-limited while decompressing, so a zip bomb stops at the limit.
 */
public final class SafeZip {

    /** Default per-entry limit: 2 GiB. */
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
     * messages.
     */
    public static Map<String, byte[]> read(InputStream raw, Path zip, long maxEntryBytes, long maxTotalBytes)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                checkName(zip, name);
                if (entries.containsKey(name)) {
                    throw new BundleFormatException(zip, name, "appears twice in the archive");
                }
                byte[] bytes = readLimited(in, zip, name, Math.min(maxEntryBytes, maxTotalBytes - total));
                total += bytes.length;
                entries.put(name, bytes);
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

    private static byte[] readLimited(InputStream in, Path zip, String name, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > limit) {
                throw new BundleFormatException(zip, name, "is larger than the limit of " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}

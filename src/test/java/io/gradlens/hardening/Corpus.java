package io.gradlens.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates the broken inputs of the hardening corpus (issue #14) into a folder: nothing is
 * committed, every file is made by the test that needs it, large ones sparse or streamed.
 */
final class Corpus {

    private Corpus() {
    }

    /** {@code .npy} bytes with any header text (version 1) and {@code dataBytes} zero data bytes. */
    static byte[] npy(String dict, int dataBytes) {
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    /** A float32 {@code .npy} declaring {@code shape} (a Python tuple body) with no data. */
    static byte[] npyShape(String shape) {
        return npy("{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }", 0);
    }

    /** A version-2 {@code .npy} whose 4-byte header length is negative. */
    static byte[] npyNegativeHeaderLength() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(-16);
        return b.array();
    }

    /** {@link #zipBomb(Path, String, String, long)} beside a small {@code model.json}, as in a bundle. */
    static Path zipBomb(Path file, String entry, long zeros) throws IOException {
        return zipBomb(file, "model.json", entry, zeros);
    }

    /**
     * A zip (deflated, sizes in a data descriptor as {@code ZipOutputStream} writes them) holding a
     * small JSON entry {@code first} and {@code entry}, which inflates to {@code zeros} zero bytes.
     */
    static Path zipBomb(Path file, String first, String entry, long zeros) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(first));
            zip.write("{\"format\": \"gradlens-model\"}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(entry));
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < zeros; written += block.length) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return file;
    }

    /**
     * A zip whose first entry is stored (not compressed) and declares {@code declared} bytes in its
     * local header; the file is sparse, {@code fileLength} long.
     */
    static Path storedHuge(Path file, String entry, long declared, long fileLength) throws IOException {
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        ByteBuffer h = ByteBuffer.allocate(30 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) ZipEntry.STORED)
                .putShort((short) 0).putShort((short) 0x21).putInt(0)
                .putInt((int) declared).putInt((int) declared).putShort((short) name.length).putShort((short) 0).put(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(h.array());
            raf.setLength(fileLength);
        }
        return file;
    }

    /**
     * A zip with one deflated entry whose local header declares {@code declared} bytes (no data
     * descriptor) but which inflates to {@code zeros} zero bytes.
     */
    static Path deflatedLying(Path file, String entry, int declared, int zeros) throws IOException {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(new byte[zeros]);
        deflater.finish();
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            packed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        ByteBuffer h = ByteBuffer.allocate(30 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) ZipEntry.DEFLATED)
                .putShort((short) 0).putShort((short) 0x21).putInt(0)
                .putInt(packed.size()).putInt(declared).putShort((short) name.length).putShort((short) 0).put(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(h.array());
            packed.writeTo(out);
        }
        return file;
    }

    /** A deflated zip of tiny entries {@code e0.npy ...}, {@code count} of them. */
    static Path manyEntries(Path file, int count) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry("e" + i + ".npy"));
                zip.write(1);
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A sparse file of {@code length} bytes (zeros, taking no disk). */
    static Path sparse(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
        return file;
    }

    /** A text CSV whose second record's text is {@code tokens} one-letter words (2 bytes each). */
    static Path longRecordCsv(Path file, long tokens) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("text,label\nfine words,0\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "a ".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
            for (long t = 0; t < tokens; t += 1 << 16) {
                out.write(chunk);
            }
            out.write(",1\n".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** A text CSV with a good record and one whose label is {@code label}. */
    static Path labelCsv(Path file, String label) throws IOException {
        Files.writeString(file, "text,label\ngood film,0\nbad film," + label + "\n");
        return file;
    }

    /**
     * A PNG file that declares {@code width}×{@code height} in a valid IHDR chunk, followed by
     * {@code padding} bytes (the corpus' 20000×20000 images were 400 KB files).
     */
    static Path pngHeader(Path file, int width, int height, int padding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.writeBytes(new byte[padding]);
        Files.write(file, out.toByteArray());
        return file;
    }

    /** A PNG class folder {@code root/a/} holding one image of the given declared size. */
    static Path pngFolder(Path root, int width, int height, int padding) throws IOException {
        Files.createDirectories(root.resolve("a"));
        pngHeader(root.resolve("a").resolve("big.png"), width, height, padding);
        return root;
    }
}

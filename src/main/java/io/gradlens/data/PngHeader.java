package io.gradlens.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The width and height of a PNG file read from its {@code IHDR} chunk (the first 24 bytes), so
 * that an image's size can be checked against {@link ReadLimits#maxImagePixels()} before a single
 * pixel is decoded (see https://www.w3.org/TR/png/#11IHDR).
 *
 * @param width  pixels per row
 * @param height rows
 */
record PngHeader(int width, int height) {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The number of pixels, without overflow. */
    long pixels() {
        return (long) width * height;
    }

    /** Reads the header of {@code file}; a file that is no PNG is refused naming it. */
    static PngHeader read(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(24);
        }
        if (head.length < 24 || !Arrays.equals(Arrays.copyOf(head, 8), SIGNATURE)
                || head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') {
            throw DatasetFormatException.inFile(file, "not a readable PNG image");
        }
        int width = readInt(head, 16);
        int height = readInt(head, 20);
        if (width <= 0 || height <= 0) {
            throw DatasetFormatException.inFile(file, "not a readable PNG image (IHDR declares "
                    + Integer.toUnsignedString(width) + "x" + Integer.toUnsignedString(height) + ")");
        }
        return new PngHeader(width, height);
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}

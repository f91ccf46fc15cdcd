package io.gradlens.data.edits;

import io.gradlens.data.TextExample;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A 32-bit checksum (CRC-32) of an example's content: the text for texts, the pixel values for
 * images. Labels and masks are left out, so relabelling or masking an example keeps its fingerprint.
 */
public final class ExampleFingerprint {

    private ExampleFingerprint() {
    }

    /** The fingerprint of a text example. */
    public static long of(TextExample example) {
        CRC32 crc = new CRC32();
        crc.update(example.text().getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** The fingerprint of an image's pixel values. */
    public static long of(float[] pixels) {
        CRC32 crc = new CRC32();
        byte[] word = new byte[4];
        for (float p : pixels) {
            int bits = Float.floatToIntBits(p);
            word[0] = (byte) bits;
            word[1] = (byte) (bits >>> 8);
            word[2] = (byte) (bits >>> 16);
            word[3] = (byte) (bits >>> 24);
            crc.update(word);
        }
        return crc.getValue();
    }
}

package io.gradlens.data;

import java.util.Locale;

/**
 * A requested image size in pixels, written {@code WxH} (e.g. {@code 28x28}).
 *
 * @param width  pixels per row
 * @param height rows
 */
public record ImageSize(int width, int height) {

    /** Most pixels per side a request may ask for. */
    public static final int MAX_SIDE = 4096;

    /** Checks both sides are in 1..{@value #MAX_SIDE}. */
    public ImageSize {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " must have sides from 1 to "
                    + MAX_SIDE);
        }
    }

    /**
     * Parses {@code WxH}.
     *
     * @throws IllegalArgumentException naming the text when it is not two positive integers joined by {@code x}
     */
    public static ImageSize parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x", -1);
        try {
            if (parts.length == 2) {
                return new ImageSize(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("image size \"" + text + "\" is not WIDTHxHEIGHT, e.g. 28x28");
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}

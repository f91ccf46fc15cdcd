package io.gradlens.data;

import java.util.Objects;

/**
 * One split (train or test) of an image dataset.
 *
 * <p>Pixel convention: {@code pixels[i]} is image {@code i}, row-major height × width × channels
 * (HWC), with intensities in {@code [0, 1]}: an 8-bit source byte {@code b} becomes {@code b / 255f}.
 *
 * <p>Mask convention: {@code relevanceMasks[i][p]} is 1 where pixel {@code p} may matter to the
 * label and 0 where it must not (e.g. a decoy swatch); {@code null} when the split has no masks.
 *
 * @param pixels         one array per image, all of the same length
 * @param labels         class index per image
 * @param relevanceMasks per image, one value per pixel entry, or {@code null}
 */
public record ImageSplit(float[][] pixels, int[] labels, float[][] relevanceMasks) {

    /** Checks that images, labels and masks agree in count and length. */
    public ImageSplit {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (pixels.length != labels.length) {
            throw new IllegalArgumentException(pixels.length + " images but " + labels.length + " labels");
        }
        if (relevanceMasks != null) {
            if (relevanceMasks.length != pixels.length) {
                throw new IllegalArgumentException(pixels.length + " images but " + relevanceMasks.length + " masks");
            }
            for (int i = 0; i < pixels.length; i++) {
                if (relevanceMasks[i].length != pixels[i].length) {
                    throw new IllegalArgumentException("mask " + i + " has " + relevanceMasks[i].length
                            + " values for " + pixels[i].length + " pixel entries");
                }
            }
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Whether every image carries a relevance mask. */
    public boolean hasMasks() {
        return relevanceMasks != null;
    }
}

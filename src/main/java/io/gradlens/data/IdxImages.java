package io.gradlens.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads an image split from an IDX images file ({@code [n, h, w]} or {@code [n, h, w, c]}) and an
 * IDX labels file ({@code [n]}), as MNIST and Fashion-MNIST ship them. Pixels become {@code b / 255f}.
 */
public final class IdxImages {

    private IdxImages() {
    }

    /**
     * Image shape of an IDX images file: {@code {height, width, channels}}.
     */
    public static int[] shape(IdxFile images) {
        int[] dims = images.dims();
        if (dims.length == 3) {
            return new int[] {dims[1], dims[2], 1};
        }
        if (dims.length == 4) {
            return new int[] {dims[1], dims[2], dims[3]};
        }
        throw new IllegalArgumentException("images need 3 or 4 dimensions, got " + dims.length);
    }

    /** Reads a split; labels must lie in {@code 0..classCount-1}. */
    public static ImageSplit readSplit(Path imagesFile, Path labelsFile, int classCount, ReadLimits limits) throws IOException {
        IdxFile images = IdxFile.read(imagesFile, limits);
        IdxFile labels = IdxFile.read(labelsFile, limits);
        if (images.dims().length != 3 && images.dims().length != 4) {
            throw DatasetFormatException.inFile(imagesFile, "images need 3 or 4 dimensions (n, height, width[, channels]), got "
                    + images.dims().length);
        }
        if (labels.dims().length != 1) {
            throw DatasetFormatException.inFile(labelsFile, "labels need 1 dimension, got " + labels.dims().length);
        }
        if (labels.records() != images.records()) {
            throw DatasetFormatException.inFile(labelsFile, labels.records() + " labels for " + images.records()
                    + " images in " + imagesFile.getFileName());
        }
        int n = images.records();
        int size = images.recordSize();
        byte[] data = images.data();
        float[][] pixels = new float[n][size];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.data()[i] & 0xff;
            if (y[i] >= classCount) {
                throw DatasetFormatException.atRecord(labelsFile, i + 1, "label " + y[i] + " is not one of 0.." + (classCount - 1));
            }
            for (int k = 0; k < size; k++) {
                pixels[i][k] = (data[i * size + k] & 0xff) / 255f;
            }
        }
        return new ImageSplit(pixels, y, null);
    }
}

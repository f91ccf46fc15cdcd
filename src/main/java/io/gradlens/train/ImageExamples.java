package io.gradlens.train;

import io.gradlens.autodiff.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Images stored row-major channels-last ({@code [H, W, C]} flattened), as float32 batches. */
public final class ImageExamples implements ExampleSet {

    private final float[][] pixels;
    private final int height;
    private final int width;
    private final int channels;
    private final int[] labels;
    private final float[][] relevance;

    public ImageExamples(float[][] pixels, int height, int width, int channels, int[] labels, float[][] relevance) {
        if (pixels.length != labels.length) {
            throw new IllegalArgumentException(pixels.length + " images but " + labels.length + " labels");
        }
        int n = height * width * channels;
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i].length != n) {
                throw new IllegalArgumentException("image " + i + " has " + pixels[i].length + " values, expected "
                        + height + "x" + width + "x" + channels + " = " + n);
            }
            if (relevance != null && relevance[i].length != n) {
                throw new IllegalArgumentException("image " + i + ": mask has " + relevance[i].length
                        + " values, expected " + n);
            }
        }
        this.pixels = pixels;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.labels = labels;
        this.relevance = relevance;
    }

    @Override
    public int size() {
        return pixels.length;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public boolean hasRelevance() {
        return relevance != null;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    @Override
    public Batch batch(int[] indices) {
        int n = height * width * channels;
        float[] x = new float[indices.length * n];
        float[] m = relevance == null ? null : new float[indices.length * n];
        int[] y = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(pixels[indices[r]], 0, x, r * n, n);
            if (m != null) {
                System.arraycopy(relevance[indices[r]], 0, m, r * n, n);
            }
            y[r] = labels[indices[r]];
        }
        long[] shape = {indices.length, height, width, channels};
        Tensor rel = m == null ? null : Tensor.constant(Nd4j.create(m, shape, 'c'));
        return new Batch(Tensor.constant(Nd4j.create(x, shape, 'c').castTo(DataType.FLOAT)), y, rel);
    }
}

package io.gradlens.train;

import io.gradlens.autodiff.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Images stored row-major channels-last ({@code [H, W, C]} flattened), as float32 batches. */
public final class ImageExamples implements ExampleSet {

    private final float[][] pixels;
    private final int height;
    private final int width;
    private final int channels;
    private final int[] labels;
    private final float[][] relevance;
    private INDArray pixelMatrix;
    private INDArray relevanceMatrix;

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

    /**
     * The examples at {@code indices}: their rows gathered from the off-heap copy of the set by one
     * native call ({@code pullRows}), with no per-example copy on the Java heap.
     */
    @Override
    public Batch batch(int[] indices) {
        for (int i : indices) {
            if (i < 0 || i >= pixels.length) {
                throw new IndexOutOfBoundsException("example " + i + " of " + pixels.length);
            }
        }
        long[] shape = {indices.length, height, width, channels};
        int[] y = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            y[r] = labels[indices[r]];
        }
        Tensor x = Tensor.constant(Nd4j.pullRows(pixelMatrix(), 1, indices).reshape('c', shape));
        Tensor rel = relevance == null ? null
                : Tensor.constant(Nd4j.pullRows(relevanceMatrix(), 1, indices).reshape('c', shape));
        return new Batch(x, y, rel);
    }

    private synchronized INDArray pixelMatrix() {
        if (pixelMatrix == null) {
            pixelMatrix = StepWorkspace.outside(() -> matrix(pixels));
        }
        return pixelMatrix;
    }

    private synchronized INDArray relevanceMatrix() {
        if (relevanceMatrix == null) {
            relevanceMatrix = StepWorkspace.outside(() -> matrix(relevance));
        }
        return relevanceMatrix;
    }

    /** The rows as one [N, H·W·C] float32 array (made once, on the first batch). */
    private static INDArray matrix(float[][] rows) {
        return Nd4j.create(rows).castTo(DataType.FLOAT);
    }
}

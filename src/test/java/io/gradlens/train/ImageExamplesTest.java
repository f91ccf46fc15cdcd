package io.gradlens.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batches of {@link ImageExamples} hold exactly the requested examples' pixels, masks and labels in
 * the requested order (repeats included), also when made inside a training step's workspace.
 */
class ImageExamplesTest {

    private static float[][] random(Random r, int n, int size) {
        float[][] v = new float[n][size];
        for (float[] row : v) {
            for (int k = 0; k < size; k++) {
                row[k] = r.nextFloat();
            }
        }
        return v;
    }

    private static void assertRows(float[][] source, int[] indices, INDArray batch) {
        assertEquals(DataType.FLOAT, batch.dataType());
        INDArray flat = batch.reshape(indices.length, -1);
        for (int r = 0; r < indices.length; r++) {
            assertArrayEquals(source[indices[r]], flat.getRow(r).toFloatVector(), "row " + r);
        }
    }

    @Test
    void batchesHoldTheRequestedExamplesInOrder() {
        Random r = new Random(3);
        float[][] pixels = random(r, 7, 2 * 3 * 2);
        float[][] masks = random(r, 7, 2 * 3 * 2);
        int[] labels = {0, 1, 2, 0, 1, 2, 0};
        ImageExamples set = new ImageExamples(pixels, 2, 3, 2, labels, masks);
        int[] indices = {6, 0, 3, 3, 1};
        Batch b = set.batch(indices);
        assertArrayEquals(new long[] {5, 2, 3, 2}, b.input().shape());
        assertRows(pixels, indices, b.input().value());
        assertRows(masks, indices, b.relevance().value());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1}, b.labels());
    }

    @Test
    void batchesMadeInAStepWorkspaceAreCorrectStepAfterStep() {
        Random r = new Random(4);
        float[][] pixels = random(r, 9, 4);
        ImageExamples set = new ImageExamples(pixels, 2, 2, 1, new int[9], null);
        StepWorkspace ws = StepWorkspace.forModel(io.gradlens.nn.Sequential.builder(new long[] {2, 2, 1},
                DataType.FLOAT, 1).add("flatten", java.util.Map.of()).build(), "test");
        try (ws) {
            for (int step = 0; step < 4; step++) {
                int[] indices = {step, 8 - step, step};
                ws.step(() -> {
                    assertRows(pixels, indices, set.batch(indices).input().value());
                    return null;
                });
            }
        }
    }
}

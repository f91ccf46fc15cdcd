package io.gradlens.workflow.explain;

import io.gradlens.autodiff.Tensor;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What {@code gradlens predict} computes: the model's outputs for selected examples. Texts are
 * run one at a time (no padding), images in batches of {@value #BATCH}; a NumPy
 * batch is run as it is.
 */
public final class Predictions {

    /** Images or rows per forward pass. */
    static final int BATCH = 256;

    private Predictions() {
    }

    /**
     * The outputs for every example, in order, with a cancellation check before each pass.
     */
    public static List<Prediction> of(Classifier model, SelectedExamples examples, ProgressListener progress,
                                      CancellationToken cancel) {
        int n = examples.size();
        List<Prediction> out = new ArrayList<>(n);
        AttributionInputs inputs = examples.inputs();
        if (inputs instanceof AttributionInputs.Tokens t) {
            for (int i = 0; i < n; i++) {
                cancel.throwIfCancelled();
                INDArray outputs = model.outputs(Tensor.constant(Nd4j.createFromArray(new int[][] {t.ids().get(i)})));
                out.add(new Prediction(examples.index(i), examples.labels().get(i), examples.texts().get(i),
                        t.tokens().get(i), t.ids().get(i), outputs.slice(0)));
                progress.progress(i + 1, n, "Predicting");
            }
            return out;
        }
        for (int from = 0; from < n; from += BATCH) {
            cancel.throwIfCancelled();
            int to = Math.min(n, from + BATCH);
            INDArray outputs = model.outputs(batch(inputs, from, to));
            for (int i = from; i < to; i++) {
                out.add(new Prediction(examples.index(i), examples.labels().get(i), null, null, null,
                        outputs.slice(i - from)));
            }
            progress.progress(to, n, "Predicting");
        }
        return out;
    }

    /** The outputs for every row of a NumPy batch ({@link io.gradlens.io.NpyInputs} checks it), in one pass. */
    public static List<Prediction> ofNpy(Classifier model, Path file) throws IOException {
        INDArray outputs = model.outputs(io.gradlens.io.NpyInputs.read(file, model));
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < outputs.size(0); i++) {
            out.add(new Prediction(i, null, null, null, null, outputs.slice(i)));
        }
        return out;
    }

    private static Tensor batch(AttributionInputs inputs, int from, int to) {
        if (inputs instanceof AttributionInputs.Images im) {
            int size = im.height() * im.width() * im.channels();
            float[] flat = new float[(to - from) * size];
            for (int i = from; i < to; i++) {
                System.arraycopy(im.pixels().get(i), 0, flat, (i - from) * size, size);
            }
            return Tensor.constant(Nd4j.create(flat, new long[] {to - from, im.height(), im.width(), im.channels()},
                    'c'));
        }
        throw new IllegalArgumentException("numeric rows are predicted from a NumPy batch (ofNpy)");
    }
}

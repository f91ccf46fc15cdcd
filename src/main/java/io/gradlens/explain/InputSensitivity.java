package io.gradlens.explain;

import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.MultiInputModel;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Input sensitivity: the gradient of one output with respect to every input entry, per row, and
 * its mean and mean absolute value over a dataset: the sensitivity analysis of Zurada, Malinowski
 * and Cloete ("Sensitivity analysis for minimization of input data dimension for feedforward
 * neural network", ISCAS 1994), with the input gradient of Simonyan et al. 2013
 * (<a href="https://arxiv.org/abs/1312.6034">arXiv:1312.6034</a>). Works for multi-input regression models ({@link MultiInputModel}) and for
 * image or numeric classifiers (one input named {@code input}). Rows are processed in batches of
 * {@value #BATCH}, one tape pass each.
 */
public final class InputSensitivity {

    /** Rows per tape pass. */
    public static final int BATCH = 256;

    private final SensitivityOutput output;

    public InputSensitivity(SensitivityOutput output) {
        this.output = java.util.Objects.requireNonNull(output, "output");
    }

    /**
     * Sensitivity of a multi-input model's output.
     *
     * @param rows per input name, its rows [N][entries] (all inputs the same N)
     */
    public SensitivityReport attribute(MultiInputModel model, Map<String, double[][]> rows, ProgressListener progress,
                                       CancellationToken cancel) {
        if (!output.kind().equals("regression")) {
            throw new IllegalArgumentException("a multi-input regression model has one output; use the regression "
                    + "output, not " + output);
        }
        int n = checkRows(model.inputShapes(), rows);
        List<String> names = new ArrayList<>(model.inputShapes().keySet());
        double[][][] grads = new double[names.size()][n][];
        for (int from = 0; from < n; from += BATCH) {
            cancel.throwIfCancelled();
            int to = Math.min(n, from + BATCH);
            Map<String, Tensor> inputs = new LinkedHashMap<>();
            for (String name : names) {
                inputs.put(name, batch(rows.get(name), from, to, model.dtype()));
            }
            List<Tensor> g;
            try (GradientTape tape = GradientTape.open(false, false)) {
                inputs.values().forEach(tape::watch);
                Tensor out = model.forward(inputs, ForwardContext.inference());
                g = tape.gradient(Ops.sum(out, false), new ArrayList<>(inputs.values()));
            }
            for (int i = 0; i < names.size(); i++) {
                double[][] m = g.get(i).value().castTo(DataType.DOUBLE).reshape(to - from, -1).toDoubleMatrix();
                System.arraycopy(m, 0, grads[i], from, to - from);
            }
            progress.progress(to, n, "sensitivity: " + to + " of " + n + " rows");
        }
        List<InputGroupSensitivity> groups = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            groups.add(summarise(names.get(i), model.featureNames().get(names.get(i)), grads[i]));
        }
        return new SensitivityReport(output.toString(), n, groups);
    }

    /** Sensitivity of an image or numeric classifier's chosen output to its input. */
    public SensitivityReport attribute(Classifier model, AttributionInputs inputs, ProgressListener progress,
                                       CancellationToken cancel) {
        if (model.isText()) {
            throw new IllegalArgumentException("token ids have no gradient and positions differ between texts; "
                    + "use saliency for text models");
        }
        if (output.kind().equals("regression")) {
            throw new IllegalArgumentException("a classifier has no regression output; use logprob or logit");
        }
        ExplainedOutput explained = output.kind().equals("logit") ? ExplainedOutput.LOGIT
                : ExplainedOutput.LOG_PROBABILITY;
        AttributionTarget target = output.classIndex() < 0 ? AttributionTarget.predicted()
                : AttributionTarget.of(output.classIndex());
        int n = inputs.size();
        double[][] grads = new double[n][];
        for (int from = 0; from < n; from += BATCH) {
            cancel.throwIfCancelled();
            int to = Math.min(n, from + BATCH);
            PreparedBatch batch = PreparedBatch.of(model, inputs.range(from, to), target);
            double[][] m = InputGradient.evaluate(batch, explained).gradient().castTo(DataType.DOUBLE)
                    .reshape(to - from, -1).toDoubleMatrix();
            System.arraycopy(m, 0, grads, from, to - from);
            progress.progress(to, n, "sensitivity: " + to + " of " + n + " rows");
        }
        return new SensitivityReport(output.toString(), n, List.of(summarise("input", entryNames(model), grads)));
    }

    private static List<String> entryNames(Classifier model) {
        List<String> names = new ArrayList<>();
        if (model.input() instanceof InputSpec.Image img) {
            for (int y = 0; y < img.height(); y++) {
                for (int x = 0; x < img.width(); x++) {
                    for (int c = 0; c < img.channels(); c++) {
                        names.add(y + "," + x + "," + c);
                    }
                }
            }
        } else {
            long[] shape = ((InputSpec.Numeric) model.input()).shape();
            long count = java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            for (int i = 0; i < count; i++) {
                names.add("x" + i);
            }
        }
        return names;
    }

    private static InputGroupSensitivity summarise(String name, List<String> features, double[][] grads) {
        int f = grads.length == 0 ? features.size() : grads[0].length;
        double[] mean = new double[f];
        double[] meanAbs = new double[f];
        for (double[] row : grads) {
            for (int j = 0; j < f; j++) {
                mean[j] += row[j] / grads.length;
                meanAbs[j] += Math.abs(row[j]) / grads.length;
            }
        }
        return new InputGroupSensitivity(name, features, grads, mean, meanAbs);
    }

    private static int checkRows(Map<String, long[]> shapes, Map<String, double[][]> rows) {
        if (!rows.keySet().equals(shapes.keySet())) {
            throw new IllegalArgumentException("the model's inputs are " + shapes.keySet() + ", got " + rows.keySet());
        }
        int n = -1;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            double[][] r = rows.get(e.getKey());
            long width = java.util.Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b);
            if (n >= 0 && r.length != n) {
                throw new IllegalArgumentException("input '" + e.getKey() + "' has " + r.length + " rows, the others "
                        + n);
            }
            n = r.length;
            for (double[] row : r) {
                if (row.length != width) {
                    throw new IllegalArgumentException("input '" + e.getKey() + "' needs " + width
                            + " values per row, got " + row.length);
                }
            }
        }
        if (n <= 0) {
            throw new IllegalArgumentException("no rows to analyse");
        }
        return n;
    }

    private static Tensor batch(double[][] rows, int from, int to, DataType dtype) {
        int width = rows[from].length;
        double[] flat = new double[(to - from) * width];
        for (int i = from; i < to; i++) {
            System.arraycopy(rows[i], 0, flat, (i - from) * width, width);
        }
        return Tensor.constant(Nd4j.create(flat, new long[] {to - from, width}, 'c').castTo(dtype));
    }
}

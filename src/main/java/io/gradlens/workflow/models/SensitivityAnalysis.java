package io.gradlens.workflow.models;

import io.gradlens.autodiff.Tensor;
import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TabularDataset;
import io.gradlens.data.edits.Split;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.InputSensitivity;
import io.gradlens.explain.SensitivityOutput;
import io.gradlens.explain.SensitivityReport;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Model;
import io.gradlens.nn.MultiInputModel;
import io.gradlens.train.PriceModelTraining;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Input sensitivity of any model over a dataset split ({@link InputSensitivity}): the use case
 * behind {@code gradlens sensitivity} and the workbench's Sensitivity tab. The model's kind decides
 * what it reads: a {@link MultiInputModel} the columns of a tabular dataset named by its inputs'
 * entries, an image classifier the images of an image dataset. Text models are refused: token ids
 * have no gradient.
 */
public final class SensitivityAnalysis {

    private SensitivityAnalysis() {
    }

    /**
     * Runs the analysis, reporting progress once per batch and checking {@code cancel} between batches.
     *
     * @throws IllegalArgumentException when the model cannot read the dataset, reads text, or the
     *     output or target does not fit the model
     */
    public static SensitivityOutcome run(SensitivityQuery query, ProgressListener progress, CancellationToken cancel) {
        Model model = query.model();
        if (model instanceof MultiInputModel multi) {
            return regression(multi, query, progress, cancel);
        }
        return classifier((Classifier) model, query, progress, cancel);
    }

    private static SensitivityOutcome regression(MultiInputModel model, SensitivityQuery query,
                                                 ProgressListener progress, CancellationToken cancel) {
        if (query.output() != null && !query.output().equals("regression")) {
            throw new IllegalArgumentException("a " + model.kind().description() + " model has one regression "
                    + "output; the output must be regression, got '" + query.output() + "'");
        }
        if (query.target() != null && !query.target().equals("predicted")) {
            throw new IllegalArgumentException("a target class applies to classifiers; a "
                    + model.kind().description() + " model has no classes");
        }
        if (!(query.dataset() instanceof TabularDataset table)) {
            throw new IllegalArgumentException("the model reads " + model.describeInput() + " from tabular rows; "
                    + "dataset '" + query.dataset().name() + "' is not tabular");
        }
        Map<String, double[][]> rows = PriceModelTraining.inputs(model,
                query.split() == Split.TRAIN ? table.train() : table.test(), table, query.limit());
        SensitivityReport report = new InputSensitivity(SensitivityOutput.regression())
                .attribute(model, rows, progress, cancel);
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        rows.forEach((name, r) -> inputs.put(name, Tensor.constant(Nd4j.createFromArray(r).castTo(model.dtype()))));
        double[] outputs = model.forward(inputs, ForwardContext.inference()).value().castTo(DataType.DOUBLE)
                .reshape(-1).toDoubleVector();
        return new SensitivityOutcome(report, table.name(), List.of(), outputs);
    }

    private static SensitivityOutcome classifier(Classifier model, SensitivityQuery query,
                                                 ProgressListener progress, CancellationToken cancel) {
        if (model.isText()) {
            throw new IllegalArgumentException("the model reads text: token ids have no gradient, so there is no "
                    + "\u2202output/\u2202input to show; sensitivity needs a model with numeric inputs (a regression "
                    + "model such as the shipped price model, or an image model); for text models use saliency");
        }
        int cls = ClassTarget.parse(query.target(), model.classNames()).classIndex();
        String kind = query.output() == null ? "logprob" : query.output();
        SensitivityOutput output = switch (kind) {
            case "logprob" -> SensitivityOutput.logProbability(cls);
            case "logit" -> SensitivityOutput.logit(cls);
            default -> throw new IllegalArgumentException("the output of a classifier must be logprob or logit, "
                    + "got '" + kind + "'");
        };
        AttributionInputs.Images images = images(model, query);
        SensitivityReport report = new InputSensitivity(output).attribute(model, images, progress, cancel);
        return new SensitivityOutcome(report, query.dataset().name(), model.classNames(),
                explainedOutputs(model, images, cls, kind.equals("logit")));
    }

    /** The first images of the split, checked against the model's input. */
    private static AttributionInputs.Images images(Classifier model, SensitivityQuery query) {
        Dataset data = query.dataset();
        if (!(data instanceof ImageDataset images)) {
            throw new IllegalArgumentException("the model reads " + model.describeInput() + " but dataset '"
                    + data.name() + "' holds no images");
        }
        if (!(model.input() instanceof InputSpec.Image img) || img.height() != images.height()
                || img.width() != images.width() || img.channels() != images.channels()) {
            throw new IllegalArgumentException("the model reads " + model.describeInput() + " but dataset '"
                    + data.name() + "' has images " + images.height() + "x" + images.width() + "x"
                    + images.channels());
        }
        ImageSplit split = query.split() == Split.TRAIN ? images.train() : images.test();
        int n = query.limit() > 0 ? Math.min(query.limit(), split.size()) : split.size();
        if (n == 0) {
            throw new IllegalArgumentException("the " + query.split().name().toLowerCase(java.util.Locale.ROOT)
                    + " split of '" + data.name() + "' is empty");
        }
        return new AttributionInputs.Images(img.height(), img.width(), img.channels(),
                Arrays.asList(split.pixels()).subList(0, n));
    }

    /** log p (or the logit) of the explained class per image; the row's prediction for {@code cls} = -1. */
    private static double[] explainedOutputs(Classifier model, AttributionInputs.Images images, int cls,
                                             boolean logit) {
        int n = images.size();
        int size = images.height() * images.width() * images.channels();
        float[] flat = new float[n * size];
        for (int b = 0; b < n; b++) {
            System.arraycopy(images.pixels().get(b), 0, flat, b * size, size);
        }
        INDArray x = Nd4j.create(flat, new long[] {n, images.height(), images.width(), images.channels()}, 'c')
                .castTo(model.dtype());
        double[][] logits = model.network().forward(Tensor.constant(x), ForwardContext.inference()).value()
                .castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = logits[i];
            int c = cls;
            if (c < 0) {
                c = 0;
                for (int j = 1; j < row.length; j++) {
                    c = row[j] > row[c] ? j : c;
                }
            }
            out[i] = logit ? row[c] : row[c] - logSumExp(row);
        }
        return out;
    }

    private static double logSumExp(double[] row) {
        double max = Arrays.stream(row).max().orElse(0);
        double sum = 0;
        for (double v : row) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }
}

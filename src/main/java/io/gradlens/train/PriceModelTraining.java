package io.gradlens.train;

import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.data.TabularDataset;
import io.gradlens.data.TabularSplit;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.PriceModel;
import io.gradlens.util.CancellationToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a {@link PriceModel} on a tabular dataset with the {@code price} layout: Adam on the
 * mean squared error of {@code out / reference_price} against {@code price / reference_price}
 * (the relative error, so expensive and cheap rows weigh alike), seeded minibatches, and the
 * {@link Divergence} checks (each batch's loss, every weight after each epoch).
 */
public final class PriceModelTraining {

    private PriceModelTraining() {
    }

    /**
     * A fresh model standardised on {@code data}'s training rows, trained for {@code epochs}.
     *
     * @throws TrainingDivergedException when the loss or a weight diverges
     */
    public static PriceModel fit(TabularDataset data, int units, int epochs, int batchSize, double learningRate,
                                 DataType dtype, long seed, CancellationToken cancel) {
        List<String> featureColumns = data.inputGroups().get("features");
        if (featureColumns == null || !data.inputColumns().contains(PriceModel.REFERENCE_PRICE)) {
            throw new IllegalArgumentException("a price model needs a 'features' input group and a '"
                    + PriceModel.REFERENCE_PRICE + "' column; dataset '" + data.name() + "' has groups "
                    + data.inputGroups().keySet());
        }
        double[][] features = columns(data.train(), data, featureColumns);
        double[][] reference = columns(data.train(), data, List.of(PriceModel.REFERENCE_PRICE));
        double[][] standard = PriceModel.standardisation(features);
        PriceModel model = new PriceModel(featureColumns, standard[0], standard[1], units, dtype, seed);
        Adam adam = new Adam(learningRate);
        Random random = new Random(seed);
        int n = features.length;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        int batches = (n + batchSize - 1) / batchSize;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            java.util.Collections.shuffle(order, random);
            for (int from = 0; from < n; from += batchSize) {
                cancel.throwIfCancelled();
                List<Integer> idx = order.subList(from, Math.min(n, from + batchSize));
                Tensor f = rows(features, idx, dtype);
                Tensor p = rows(reference, idx, dtype);
                double[][] y = new double[idx.size()][1];
                for (int i = 0; i < idx.size(); i++) {
                    y[i][0] = data.train().targets()[idx.get(i)];
                }
                Tensor target = Tensor.constant(Nd4j.createFromArray(y).castTo(dtype));
                Map<String, Tensor> params = model.parameters();
                Map<String, Tensor> grads = new LinkedHashMap<>();
                try (GradientTape tape = GradientTape.open()) {
                    Tensor out = model.forward(Map.of(PriceModel.FEATURES, f, PriceModel.REFERENCE_PRICE, p),
                            ForwardContext.inference());
                    Tensor loss = Losses.meanSquaredError(Ops.div(out, p), Ops.div(target, p));
                    Divergence.checkLoss(loss.value().getDouble(0), epoch, from / batchSize + 1, learningRate);
                    List<Tensor> g = tape.gradient(loss, new ArrayList<>(params.values()));
                    int i = 0;
                    for (String name : params.keySet()) {
                        grads.put(name, g.get(i++));
                    }
                }
                adam.step(params, grads);
            }
            Divergence.checkWeights(model.parameters(), epoch, batches, learningRate);
        }
        return model;
    }

    /**
     * The first {@code limit} rows of a split (all for {@code limit} &le; 0) as the inputs of a
     * multi-input model: per input name, its feature columns.
     */
    public static Map<String, double[][]> inputs(io.gradlens.nn.MultiInputModel model, TabularSplit split,
                                                 TabularDataset data, int limit) {
        int n = limit > 0 ? Math.min(limit, split.size()) : split.size();
        Map<String, double[][]> rows = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : model.featureNames().entrySet()) {
            rows.put(e.getKey(), java.util.Arrays.copyOf(columns(split, data, e.getValue()), n));
        }
        return rows;
    }

    /** The named columns of every row of a split. */
    public static double[][] columns(TabularSplit split, TabularDataset data, List<String> names) {
        int[] index = names.stream().mapToInt(c -> {
            int i = data.inputColumns().indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException("dataset '" + data.name() + "' has no column '" + c + "'");
            }
            return i;
        }).toArray();
        double[][] out = new double[split.size()][index.length];
        for (int r = 0; r < split.size(); r++) {
            for (int j = 0; j < index.length; j++) {
                out[r][j] = split.inputs()[r][index[j]];
            }
        }
        return out;
    }

    private static Tensor rows(double[][] values, List<Integer> idx, DataType dtype) {
        double[][] b = new double[idx.size()][];
        for (int i = 0; i < idx.size(); i++) {
            b[i] = values[idx.get(i)];
        }
        return Tensor.constant(Nd4j.createFromArray(b).castTo(dtype));
    }
}

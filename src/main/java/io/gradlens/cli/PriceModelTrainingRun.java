package io.gradlens.cli;

import io.gradlens.autodiff.Tensor;
import io.gradlens.data.TabularDataset;
import io.gradlens.data.TabularSplit;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.PriceModel;
import io.gradlens.train.PriceModelTraining;
import io.gradlens.util.CancellationToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code gradlens train} on a tabular dataset with the {@code price} layout: fits a {@link PriceModel}
 * with {@link PriceModelTraining} and writes a bundle of kind {@code price}, then prints one JSON line
 * with the root mean squared error of the price on the test split.
 */
final class PriceModelTrainingRun {

    private PriceModelTrainingRun() {
    }

    /**
     * @param hyperparameters recorded in the bundle's provenance
     * @return the test RMSE
     */
    static double run(TabularDataset data, int units, int epochs, int batchSize, double learningRate, long seed,
                      Map<String, Object> hyperparameters, Path out, PrintWriter stdout) throws IOException {
        long start = System.nanoTime();
        PriceModel model = PriceModelTraining.fit(data, units, epochs, batchSize, learningRate, DataType.FLOAT, seed,
                CancellationToken.NONE);
        double rmse = testRmse(model, data);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("dataset", data.name());
        provenance.put("dataset_source", data.info().source());
        provenance.put("architecture", "price");
        provenance.put("hyperparameters", hyperparameters);
        provenance.put("seed", seed);
        provenance.put("gradlens_version", new GradLensCli.Version().getVersion()[0]);
        provenance.put("created", java.time.Instant.now().toString());
        provenance.put("training_seconds", (System.nanoTime() - start) / 1e9);
        provenance.put("test_rmse", rmse);
        ModelBundle.write(model, provenance, out);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("epochs", epochs);
        line.put("test_rmse", rmse);
        stdout.println(Json.line(line));
        stdout.flush();
        return rmse;
    }

    private static double testRmse(PriceModel model, TabularDataset data) {
        TabularSplit test = data.test();
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        PriceModelTraining.inputs(model, test, data, 0).forEach((name, rows) ->
                inputs.put(name, Tensor.constant(Nd4j.createFromArray(rows).castTo(model.dtype()))));
        double[] predicted = model.forward(inputs, ForwardContext.inference()).value().castTo(DataType.DOUBLE)
                .reshape(-1).toDoubleVector();
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = predicted[i] - test.targets()[i];
            sum += d * d;
        }
        return Math.sqrt(sum / predicted.length);
    }
}

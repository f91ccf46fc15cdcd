package io.gradlens.workflow.influence;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.ImageDataset;
import io.gradlens.explain.influence.InfluenceData;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Adam;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.train.Trainer;
import io.gradlens.train.TrainingConfig;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Test fixture: a small MLP (16 hidden units) trained two epochs on the built-in digits (seed 1)
 * with a {@link CheckpointRecorder}, written as {@code digits.gradlens} with its checkpoints beside
 * it in {@code digits.gradlens.checkpoints/}.
 *
 * @param model       the bundle
 * @param classifier  the trained classifier
 * @param digits      the dataset
 * @param checkpoints the snapshots as recorded in memory (one per epoch)
 */
public record DigitsWithCheckpoints(Path model, Classifier classifier, ImageDataset digits,
                                    List<CheckpointRecorder.Checkpoint> checkpoints) {

    /** Trains the model and writes it and its checkpoints into {@code dir}. */
    public static DigitsWithCheckpoints train(Path dir) throws Exception {
        ImageDataset digits = (ImageDataset) BuiltInDatasets.load("digits", 1);
        Sequential net = Sequential.builder(new long[] {8, 8, 1}, DataType.FLOAT, 1)
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 16, "activation", "relu"))
                .add("dense", Map.of("units", 10))
                .build();
        Classifier classifier = new Classifier(net, new InputSpec.Image(8, 8, 1), digits.classNames(),
                Map.of("seed", 1));
        InfluenceData data = InfluenceData.of(classifier, digits);
        Adam adam = new Adam(1e-2);
        CheckpointRecorder recorder = new CheckpointRecorder(net, adam, 1, TrainingListener.NONE);
        new Trainer(new TrainingConfig(2, 64, 1, true, null), adam).fit(net, data.train(), null, recorder,
                CancellationToken.NONE);
        Path model = dir.resolve("digits.gradlens");
        ModelBundle.write(classifier, model);
        recorder.save(Path.of(model + ".checkpoints"));
        return new DigitsWithCheckpoints(model, classifier, digits, recorder.checkpoints());
    }
}

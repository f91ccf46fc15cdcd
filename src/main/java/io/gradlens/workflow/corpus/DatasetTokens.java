package io.gradlens.workflow.corpus;

import io.gradlens.explain.AttributionInputs;
import io.gradlens.nn.Classifier;
import io.gradlens.workflow.explain.ExampleSelection;
import io.gradlens.workflow.models.ModelOpening;
import io.gradlens.workflow.training.DatasetFingerprint;
import io.gradlens.workflow.training.TrainingData;
import io.gradlens.workflow.shard.CorpusRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The tokens of the examples a corpus job explained, which its shards do not store: tokenized again
 * from the request's dataset with the request's model (nothing is explained again), when both are
 * on this machine and their fingerprints match the request's. Otherwise, or for a model that does
 * not read text, {@link #reason} says why positions stand in for tokens. The model, when it opens,
 * also names the classes.
 *
 * @param tokens     each example's tokens in corpus order, or null
 * @param classNames the model's class names, or null when the model did not open
 * @param reason     why there are no tokens, or null when there are
 */
record DatasetTokens(List<List<String>> tokens, List<String> classNames, String reason) {

    /** The tokens of {@code request}'s examples, or the reason there are none. */
    static DatasetTokens of(CorpusRequest request) {
        try {
            if (!Files.isRegularFile(request.modelPath())) {
                return none(request.model() + " is not on this machine");
            }
            if (!DatasetFingerprint.ofPath(request.modelPath()).equals(request.modelSha256())) {
                return none(request.model() + " is not the model the job ran (its SHA-256 differs)");
            }
            Classifier model = ModelOpening.classifier(request.modelPath(), request.vocabularyPath(),
                    "the corpus results");
            if (!model.isText()) {
                return new DatasetTokens(null, model.classNames(), "the model reads " + model.describeInput()
                        + ", not tokens");
            }
            TrainingData data = TrainingData.resolve(request.dataset(), request.seed());
            String fingerprint = DatasetFingerprint.of(data.source()).orElse("");
            if (!fingerprint.equals(request.datasetSha256())) {
                return new DatasetTokens(null, model.classNames(), "dataset " + request.dataset()
                        + " differs from the one the job ran (its fingerprint)");
            }
            AttributionInputs inputs = ExampleSelection.split(model, data.dataset(), request.split(), request.limit())
                    .inputs();
            return new DatasetTokens(((AttributionInputs.Tokens) inputs).tokens(), model.classNames(), null);
        } catch (IOException | IllegalArgumentException e) {
            return none(e.getMessage());
        }
    }

    private static DatasetTokens none(String reason) {
        return new DatasetTokens(null, null, reason);
    }

    /** Class {@code c}'s name, or its index when the model did not open. */
    String className(int c) {
        return classNames != null && c >= 0 && c < classNames.size() ? classNames.get(c) : Integer.toString(c);
    }

    /**
     * Example {@code i}'s tokens when they match its {@code length} scores, else the positions
     * {@code #0 … #length-1}.
     */
    List<String> of(int i, int length) {
        if (tokens != null && i < tokens.size() && tokens.get(i).size() == length) {
            return tokens.get(i);
        }
        return java.util.stream.IntStream.range(0, length).mapToObj(t -> "#" + t).toList();
    }
}

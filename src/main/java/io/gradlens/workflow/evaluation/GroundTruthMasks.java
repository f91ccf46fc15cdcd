package io.gradlens.workflow.evaluation;

import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.workflow.explain.ExampleSelection;
import java.util.ArrayList;
import java.util.List;

/**
 * The ground-truth masks of the first examples of a split, over attribution positions (tokens or
 * pixels): true where the dataset's relevance mask says the position may matter to the label
 * (value ≥ ½), false where it must not (e.g. a decoy token or swatch). Null when any of those
 * examples has no mask.
 */
final class GroundTruthMasks {

    private GroundTruthMasks() {
    }

    static List<boolean[]> of(Dataset data, String split, int n) {
        boolean train = ExampleSelection.split(split) == io.gradlens.data.edits.Split.TRAIN;
        List<boolean[]> out = new ArrayList<>(n);
        if (data instanceof TextDataset text) {
            List<TextExample> examples = train ? text.train() : text.test();
            for (int i = 0; i < n; i++) {
                float[] m = examples.get(i).tokenRelevance();
                if (m == null) {
                    return null;
                }
                boolean[] b = new boolean[m.length];
                for (int t = 0; t < m.length; t++) {
                    b[t] = m[t] >= 0.5f;
                }
                out.add(b);
            }
            return out;
        }
        if (data instanceof ImageDataset images) {
            ImageSplit s = train ? images.train() : images.test();
            if (!s.hasMasks()) {
                return null;
            }
            int c = images.channels();
            for (int i = 0; i < n; i++) {
                float[] m = s.relevanceMasks()[i];
                boolean[] b = new boolean[m.length / c];
                for (int p = 0; p < b.length; p++) {
                    b[p] = m[p * c] >= 0.5f;
                }
                out.add(b);
            }
            return out;
        }
        return null;
    }
}

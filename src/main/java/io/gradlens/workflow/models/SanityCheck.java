package io.gradlens.workflow.models;

import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.CascadingRandomization;
import io.gradlens.explain.SanityReport;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.Objects;

/**
 * The cascading model-randomisation sanity check of a saliency method (Adebayo et al. 2018,
 * <a href="https://arxiv.org/abs/1810.03292">arXiv:1810.03292</a>, {@link CascadingRandomization}):
 * the use case behind {@code gradlens sanity} and the workbench's Sanity check tab.
 */
public final class SanityCheck {

    private SanityCheck() {
    }

    /**
     * Compares the method's saliency on the trained and on the progressively randomised model.
     *
     * @param model  the classifier checked
     * @param inputs the examples compared (at least one)
     * @param method the saliency method tested
     * @param target {@code predicted} (or {@code null}), a class index or a class name
     * @param seed   seeds the re-initialised weights
     * @throws IllegalArgumentException for an unknown target or empty inputs
     */
    public static SanityReport run(Classifier model, AttributionInputs inputs, AttributionMethod method, String target,
                                   long seed, ProgressListener progress, CancellationToken cancel) {
        Objects.requireNonNull(method, "method");
        if (inputs.size() == 0) {
            throw new IllegalArgumentException("the sanity check needs at least one example");
        }
        progress.progress(0, 0, "Sanity check: explaining " + inputs.size() + " examples\u2026");
        return new CascadingRandomization(method, seed).attribute(model, inputs,
                ClassTarget.parse(target, model.classNames()), progress, cancel);
    }
}

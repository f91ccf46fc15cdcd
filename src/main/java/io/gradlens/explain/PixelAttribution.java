package io.gradlens.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A score per pixel of one image, row-major ({@code scores[y * width + x]}); for several channels
 * the channel axis is reduced by the method's {@link Aggregation}.
 *
 * @param height        image height
 * @param width         image width
 * @param channels      channels of the input image (the map itself has one value per pixel)
 * @param scores        {@code height × width} scores
 * @param target        the explained class
 * @param probabilities the model's class probabilities
 * @param method        the method's name
 * @param parameters    the method's parameters
 * @param diagnostics   per-example numbers
 */
public record PixelAttribution(int height, int width, int channels, double[] scores, int target,
                               double[] probabilities, String method, Map<String, Object> parameters,
                               Map<String, Double> diagnostics) implements Attribution {

    public PixelAttribution {
        scores = scores.clone();
        probabilities = probabilities.clone();
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        if (scores.length != height * width) {
            throw new IllegalArgumentException(scores.length + " scores for a " + height + "x" + width + " image");
        }
    }

    /** The score of pixel (y, x). */
    public double score(int y, int x) {
        return scores[y * width + x];
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}

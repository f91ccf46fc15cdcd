package io.gradlens.explain;

import java.util.List;

/**
 * The sensitivity of a model's output to one named input over a set of rows.
 *
 * @param input        the input's name
 * @param features     the names of its entries
 * @param gradients    ∂output/∂input per row and entry, [rows][features]
 * @param mean         the mean gradient per entry
 * @param meanAbsolute the mean absolute gradient per entry
 */
public record InputGroupSensitivity(String input, List<String> features, double[][] gradients, double[] mean,
                                    double[] meanAbsolute) {

    public InputGroupSensitivity {
        features = List.copyOf(features);
        gradients = copy(gradients);
        mean = mean.clone();
        meanAbsolute = meanAbsolute.clone();
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public double[][] gradients() {
        return copy(gradients);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] meanAbsolute() {
        return meanAbsolute.clone();
    }
}

package io.gradlens.explain.evaluation;

/**
 * A separable Gaussian blur of a row-major [H, W, C] image, per channel, with the kernel truncated
 * at 3σ and renormalised at the borders (so a constant image stays constant).
 */
final class GaussianBlur {

    private GaussianBlur() {
    }

    static float[] of(float[] image, int height, int width, int channels, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] kernel = new double[2 * radius + 1];
        for (int d = -radius; d <= radius; d++) {
            kernel[d + radius] = Math.exp(-d * d / (2 * sigma * sigma));
        }
        double[] in = new double[image.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = image[i];
        }
        double[] blurred = pass(pass(in, height, width, channels, kernel, true), height, width, channels, kernel,
                false);
        float[] out = new float[image.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) blurred[i];
        }
        return out;
    }

    /** One 1-D pass along x ({@code horizontal}) or y. */
    private static double[] pass(double[] in, int height, int width, int channels, double[] kernel,
                                 boolean horizontal) {
        int radius = kernel.length / 2;
        double[] out = new double[in.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    double sum = 0;
                    double weight = 0;
                    for (int d = -radius; d <= radius; d++) {
                        int xx = horizontal ? x + d : x;
                        int yy = horizontal ? y : y + d;
                        if (xx >= 0 && xx < width && yy >= 0 && yy < height) {
                            sum += kernel[d + radius] * in[(yy * width + xx) * channels + c];
                            weight += kernel[d + radius];
                        }
                    }
                    out[(y * width + x) * channels + c] = sum / weight;
                }
            }
        }
        return out;
    }
}

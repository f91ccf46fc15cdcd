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
        double[] rows = new double[image.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    double sum = 0;
                    double weight = 0;
                    for (int d = -radius; d <= radius; d++) {
                        int xx = x + d;
                        if (xx >= 0 && xx < width) {
                            sum += kernel[d + radius] * image[(y * width + xx) * channels + c];
                            weight += kernel[d + radius];
                        }
                    }
                    rows[(y * width + x) * channels + c] = sum / weight;
                }
            }
        }
        float[] out = new float[image.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    double sum = 0;
                    double weight = 0;
                    for (int d = -radius; d <= radius; d++) {
                        int yy = y + d;
                        if (yy >= 0 && yy < height) {
                            sum += kernel[d + radius] * rows[(yy * width + x) * channels + c];
                            weight += kernel[d + radius];
                        }
                    }
                    out[(y * width + x) * channels + c] = (float) (sum / weight);
                }
            }
        }
        return out;
    }
}

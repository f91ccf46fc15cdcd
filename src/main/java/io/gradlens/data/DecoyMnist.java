package io.gradlens.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Decoy MNIST, as constructed in the code of Ross, Hughes &amp; Doshi-Velez 2017, "Right for the Right
 * Reasons: Training Differentiable Models by Constraining their Explanations", IJCAI,
 * <a href="https://arxiv.org/abs/1703.03717">arXiv:1703.03717</a>.
 *
 * <p>Every image gets a {@value #SWATCH}×{@value #SWATCH} swatch in one of its four corners, the
 * corner drawn uniformly per image. The swatch's gray value is {@code 255 − 25·y} in training
 * ({@code y} = label: a perfect shortcut) and {@code 255 − 25·r} in test, with {@code r} uniform in
 * 0..9 and independent of the label. Values are stored in the [0, 1] pixel convention, i.e.
 * {@code (255 − 25·y) / 255f}. Each image's relevance mask is 1 everywhere and 0 on the swatch.
 * Same base and seed give identical arrays.
 */
public final class DecoyMnist {

    /** Side of the square swatch, in pixels. */
    public static final int SWATCH = 4;
    /** Gray step per class: the swatch byte is {@code 255 - STEP * y}. */
    public static final int STEP = 25;

    private DecoyMnist() {
    }

    /** The swatch value, in [0, 1], that encodes class {@code y}. */
    public static float swatchValue(int y) {
        return (255 - STEP * y) / 255f;
    }

    /** The decoy variant of a one-channel, 10-class image dataset, named {@code decoy-<base name>}. */
    public static ImageDataset create(ImageDataset base, long seed) {
        if (base.channels() != 1 || base.classNames().size() != 10 || base.height() < SWATCH || base.width() < SWATCH) {
            throw new IllegalArgumentException("decoy MNIST needs one-channel images of 10 classes, at least "
                    + SWATCH + "x" + SWATCH + "; " + base.name() + " does not qualify");
        }
        SplittableRandom random = new SplittableRandom(seed);
        ImageSplit train = decorate(base.train(), base.height(), base.width(), random.split(), false);
        ImageSplit test = decorate(base.test(), base.height(), base.width(), random.split(), true);
        DatasetInfo info = new DatasetInfo(base.info().source(), base.info().license(),
                "Ross, Hughes & Doshi-Velez 2017, Right for the Right Reasons, IJCAI, arXiv:1703.03717",
                "decoy variant of " + base.name() + ": 4x4 corner swatch of gray 255-25*y in train, 255-25*r (r random) in test"
                        + " (seed " + seed + ")");
        return new ImageDataset("decoy-" + base.name(), base.classNames(), base.height(), base.width(), 1, train, test, info);
    }

    private static ImageSplit decorate(ImageSplit split, int height, int width, SplittableRandom random, boolean randomValue) {
        int n = split.size();
        float[][] pixels = new float[n][];
        float[][] masks = new float[n][];
        for (int i = 0; i < n; i++) {
            pixels[i] = split.pixels()[i].clone();
            masks[i] = new float[height * width];
            Arrays.fill(masks[i], 1f);
            int top = random.nextBoolean() ? 0 : height - SWATCH;
            int left = random.nextBoolean() ? 0 : width - SWATCH;
            float value = swatchValue(randomValue ? random.nextInt(10) : split.labels()[i]);
            for (int r = top; r < top + SWATCH; r++) {
                for (int c = left; c < left + SWATCH; c++) {
                    pixels[i][r * width + c] = value;
                    masks[i][r * width + c] = 0f;
                }
            }
        }
        return new ImageSplit(pixels, split.labels().clone(), masks);
    }
}

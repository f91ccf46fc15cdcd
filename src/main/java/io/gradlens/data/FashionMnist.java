package io.gradlens.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017, arXiv:1708.07747, MIT license), 60,000 + 10,000
 * 28×28 gray images of 10 clothing classes, read from where the Debian package
 * {@code dataset-fashion-mnist} installs it ({@value #DEBIAN_DIR}). It is not shipped in
 * {@code datasets/}; when absent, loading says how to install it.
 */
public final class FashionMnist {

    /** Install location of the Debian package. */
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";
    /** Class names by label. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** Whether the four files are present in {@code dir}. */
    public static boolean isInstalled(Path dir) {
        return List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz").stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    /** Loads the set from {@code dir} (normally {@value #DEBIAN_DIR}). */
    public static ImageDataset load(Path dir, ReadLimits limits) throws IOException {
        if (!isInstalled(dir)) {
            throw new MissingDatasetException("Fashion-MNIST not found in " + dir.toAbsolutePath()
                    + "; install it with: sudo apt-get install dataset-fashion-mnist (Debian/Ubuntu)");
        }
        ImageSplit train = IdxImages.readSplit(dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"), CLASSES.size(), limits);
        ImageSplit test = IdxImages.readSplit(dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"), CLASSES.size(), limits);
        DatasetInfo info = new DatasetInfo("Debian dataset-fashion-mnist", "MIT",
                "Xiao, Rasul & Vollgraf 2017, Fashion-MNIST, arXiv:1708.07747", "Zalando article images, 28x28 gray");
        return new ImageDataset("fashion-mnist", CLASSES, 28, 28, 1, train, test, info);
    }
}

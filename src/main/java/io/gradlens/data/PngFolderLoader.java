package io.gradlens.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder of PNG images, one subfolder per class (class names = subfolder names, sorted).
 * Either {@code root/train/<class>/*.png} and {@code root/test/<class>/*.png}, or
 * {@code root/<class>/*.png} split by a seeded stratified 20 % test set. All images must have the
 * same size, and each is checked against {@link ReadLimits#maxImagePixels()} from its header before
 * it is decoded; if every image is grayscale the set has one channel, otherwise three (RGB, alpha
 * dropped). Pixels follow the [0, 1] HWC convention of {@link ImageSplit}.
 *
 * <p>This is the only class of the package that touches {@code java.awt} (for
 * {@link BufferedImage}, which {@link ImageIO} returns); it decodes, it shows nothing.
 */
public final class PngFolderLoader {

    private PngFolderLoader() {
    }

    private record Item(Path file, int label) {
    }

    private record Decoded(float[][] pixels, int height, int width, int channels) {
    }

    /** Loads {@code root} as described in the class comment. */
    public static ImageDataset load(Path root, long seed, ReadLimits limits) throws IOException {
        Path trainDir = root.resolve("train");
        Path testDir = root.resolve("test");
        boolean presplit = Files.isDirectory(trainDir) && Files.isDirectory(testDir);
        List<String> classes = classFolders(presplit ? trainDir : root);
        if (classes.isEmpty()) {
            throw DatasetFormatException.inFile(root, "no class subfolders");
        }
        if (classes.size() > limits.maxClasses()) {
            throw DatasetFormatException.inFile(root, ReadLimits.CLASSES.problem("its " + classes.size()
                    + " class folders", limits.maxClasses()));
        }
        List<Item> train;
        List<Item> test;
        if (presplit) {
            train = items(trainDir, classes);
            test = items(testDir, classes);
        } else {
            List<Item> all = items(root, classes);
            boolean[] isTest = StratifiedSplit.testMask(all.stream().mapToInt(Item::label).toArray(), 0.2, seed);
            train = new ArrayList<>();
            test = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                (isTest[i] ? test : train).add(all.get(i));
            }
        }
        if (train.size() + test.size() > limits.maxRecords()) {
            throw DatasetFormatException.inFile(root, (train.size() + test.size()) + " images exceed the limit of " + limits.maxRecords());
        }
        List<BufferedImage> images = new ArrayList<>();
        boolean gray = true;
        for (Item item : concat(train, test)) {
            BufferedImage image = decode(item.file(), limits);
            if (!images.isEmpty() && (image.getWidth() != images.get(0).getWidth() || image.getHeight() != images.get(0).getHeight())) {
                throw DatasetFormatException.inFile(item.file(), "is " + image.getWidth() + "x" + image.getHeight()
                        + ", the first image is " + images.get(0).getWidth() + "x" + images.get(0).getHeight());
            }
            gray &= image.getType() == BufferedImage.TYPE_BYTE_GRAY;
            images.add(image);
        }
        int channels = gray ? 1 : 3;
        int height = images.get(0).getHeight();
        int width = images.get(0).getWidth();
        float[][] pixels = new float[images.size()][];
        for (int i = 0; i < images.size(); i++) {
            pixels[i] = toPixels(images.get(i), channels);
        }
        ImageSplit trainSplit = split(pixels, 0, train);
        ImageSplit testSplit = split(pixels, train.size(), test);
        Path fileName = root.getFileName();
        return new ImageDataset(fileName == null ? root.toString() : fileName.toString(), classes, height, width, channels,
                trainSplit, testSplit, DatasetInfo.ofFile(root));
    }

    private static List<String> classFolders(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Item> items(Path dir, List<String> classes) throws IOException {
        List<Item> items = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            Path classDir = dir.resolve(classes.get(label));
            if (!Files.isDirectory(classDir)) {
                throw DatasetFormatException.inFile(dir, "has no folder for class " + classes.get(label));
            }
            try (Stream<Path> files = Files.list(classDir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")).sorted().toList()) {
                    items.add(new Item(file, label));
                }
            }
        }
        return items;
    }

    private static BufferedImage decode(Path file, ReadLimits limits) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            throw DatasetFormatException.inFile(file, ReadLimits.FILE_BYTES.problem("its size of " + size + " bytes",
                    limits.maxBytes()));
        }
        PngHeader header = PngHeader.read(file);
        if (header.pixels() > limits.maxImagePixels()) {
            throw DatasetFormatException.inFile(file, ReadLimits.IMAGE_PIXELS.problem("its " + header.width() + "x"
                    + header.height() + " pixels (" + header.pixels() + ")", limits.maxImagePixels()));
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw DatasetFormatException.inFile(file, "not a readable PNG: " + e.getMessage(), e);
        }
        if (image == null) {
            throw DatasetFormatException.inFile(file, "not a readable PNG image");
        }
        return image;
    }

    private static float[] toPixels(BufferedImage image, int channels) {
        int height = image.getHeight();
        int width = image.getWidth();
        float[] pixels = new float[height * width * channels];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (channels == 1) {
                    pixels[r * width + c] = image.getRaster().getSample(c, r, 0) / 255f;
                } else {
                    int rgb = image.getRGB(c, r);
                    int at = (r * width + c) * 3;
                    pixels[at] = ((rgb >> 16) & 0xff) / 255f;
                    pixels[at + 1] = ((rgb >> 8) & 0xff) / 255f;
                    pixels[at + 2] = (rgb & 0xff) / 255f;
                }
            }
        }
        return pixels;
    }

    private static ImageSplit split(float[][] pixels, int offset, List<Item> items) {
        float[][] chosen = new float[items.size()][];
        int[] labels = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            chosen[i] = pixels[offset + i];
            labels[i] = items.get(i).label();
        }
        return new ImageSplit(chosen, labels, null);
    }

    private static List<Item> concat(List<Item> first, List<Item> second) {
        List<Item> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

package io.gradlens.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a folder of PNG and JPEG images ({@code .png}, {@code .jpg}, {@code .jpeg}), one subfolder
 * per class (class names = subfolder names, sorted). Either {@code root/train/<class>/*} and
 * {@code root/test/<class>/*}, or {@code root/<class>/*} split by a seeded stratified 20 % test set.
 * Each image is checked against {@link ReadLimits#maxImagePixels()} from its header before it is
 * decoded. Without a requested size all images must have the size of the first (a mismatch is
 * refused naming the file); with one ({@link ImageSize}) each is resized to it (bilinear). If every
 * image is grayscale the set has one channel, otherwise three (RGB, alpha dropped; a gray image in
 * such a set repeats its value in the three channels). Pixels follow the [0, 1] HWC convention of
 * {@link ImageSplit}.
 *
 * <p>This is the only class of the package that touches {@code java.awt} (for
 * {@link BufferedImage}, which {@link ImageIO} returns); it decodes and resizes, it shows nothing.
 */
public final class PngFolderLoader {

    private PngFolderLoader() {
    }

    private record Item(Path file, int label) {
    }

    private record Decoded(float[][] pixels, int height, int width, int channels) {
    }

    /** Loads {@code root} as described in the class comment, refusing images of different sizes. */
    public static ImageDataset load(Path root, long seed, ReadLimits limits) throws IOException {
        return load(root, seed, limits, null);
    }

    /** Loads {@code root} as described in the class comment, resizing every image to {@code size} unless null. */
    public static ImageDataset load(Path root, long seed, ReadLimits limits, ImageSize size) throws IOException {
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
            if (size != null) {
                image = resized(image, size);
            }
            if (!images.isEmpty() && (image.getWidth() != images.get(0).getWidth() || image.getHeight() != images.get(0).getHeight())) {
                throw DatasetFormatException.inFile(item.file(), "is " + image.getWidth() + "x" + image.getHeight()
                        + ", the first image is " + images.get(0).getWidth() + "x" + images.get(0).getHeight()
                        + " (choose an image size, e.g. 28x28, to resize them all)");
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
                for (Path file : files.filter(PngFolderLoader::isImage).sorted().toList()) {
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
        boolean png = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        String kind = png ? "PNG" : "JPEG";
        PngHeader header = png ? PngHeader.read(file) : jpegHeader(file);
        if (header.pixels() > limits.maxImagePixels()) {
            throw DatasetFormatException.inFile(file, ReadLimits.IMAGE_PIXELS.problem("its " + header.width() + "x"
                    + header.height() + " pixels (" + header.pixels() + ")", limits.maxImagePixels()));
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw DatasetFormatException.inFile(file, "not a readable " + kind + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw DatasetFormatException.inFile(file, "not a readable " + kind + " image");
        }
        return image;
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    /** The size a JPEG declares, read by ImageIO from its frame header without decoding pixels. */
    private static PngHeader jpegHeader(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw DatasetFormatException.inFile(file, "not a readable JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new PngHeader(reader.getWidth(0), reader.getHeight(0));
            } catch (IOException e) {
                throw DatasetFormatException.inFile(file, "not a readable JPEG: " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }

    /** {@code image} scaled to {@code size} with bilinear interpolation, keeping gray images gray. */
    private static BufferedImage resized(BufferedImage image, ImageSize size) {
        if (image.getWidth() == size.width() && image.getHeight() == size.height()) {
            return image;
        }
        int type = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(size.width(), size.height(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, size.width(), size.height(), null);
        } finally {
            g.dispose();
        }
        return out;
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

package io.gradlens.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads a user's dataset, choosing the reader from the path:
 * <ul>
 *   <li>a folder → {@link PngFolderLoader};</li>
 *   <li>an IDX images file whose name contains {@code train} and {@code images} (e.g.
 *       {@code train-images-idx3-ubyte.gz}) → {@link IdxImages}, with the labels file found by
 *       replacing {@code images}/{@code idx3} by {@code labels}/{@code idx1}, and the test files by
 *       replacing {@code train} by {@code test} or {@code t10k};</li>
 *   <li>{@code .csv}/{@code .tsv}/{@code .jsonl} (optionally {@code .gz}) with a {@code text} column
 *       → {@link TextFileReader}; a CSV/TSV without one → {@link TabularCsvReader}.</li>
 * </ul>
 * The seed drives the split of files that do not store one.
 */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    /** Loads {@code path} with the limits in force ({@link ReadLimits#current()}) and seed 0. */
    public static Dataset load(Path path) throws IOException {
        return load(path, 0L, ReadLimits.current());
    }

    /** Loads {@code path} as described in the class comment. */
    public static Dataset load(Path path, long seed, ReadLimits limits) throws IOException {
        if (!Files.exists(path)) {
            throw new MissingDatasetException("no such file or folder: " + path.toAbsolutePath());
        }
        if (Files.isDirectory(path)) {
            return PngFolderLoader.load(path, seed, limits);
        }
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("idx") || lower.contains("ubyte")) {
            return loadIdx(path, limits);
        }
        TableReader.Format format = TableReader.formatOf(path);
        if (format == null) {
            throw DatasetFormatException.inFile(path, "unknown format: expected a folder of PNGs, IDX, .csv, .tsv or .jsonl");
        }
        String base = baseName(name);
        if (format == TableReader.Format.JSONL || TableReader.header(path, limits).contains("text")) {
            TextFileOptions options = new TextFileOptions(base, null, 0.2, seed, null, limits);
            return TextFileReader.read(path, options);
        }
        return TabularCsvReader.read(path, null, base, DatasetInfo.ofFile(path), seed, limits);
    }

    private static ImageDataset loadIdx(Path trainImages, ReadLimits limits) throws IOException {
        String name = trainImages.getFileName().toString();
        if (!name.contains("train") || !name.contains("images")) {
            throw DatasetFormatException.inFile(trainImages, "pass the training images file (name with \"train\" and \"images\")");
        }
        Path trainLabels = sibling(trainImages, name.replace("images", "labels").replace("idx3", "idx1"));
        Path testImages = firstExisting(trainImages, name.replace("train", "test"), name.replace("train", "t10k"));
        Path testLabels = sibling(testImages, testImages.getFileName().toString().replace("images", "labels").replace("idx3", "idx1"));
        int classes = 1 + Math.max(maxLabel(trainLabels, limits), maxLabel(testLabels, limits));
        ImageSplit train = IdxImages.readSplit(trainImages, trainLabels, classes, limits);
        ImageSplit test = IdxImages.readSplit(testImages, testLabels, classes, limits);
        int[] shape = IdxImages.shape(IdxFile.read(trainImages, limits));
        List<String> classNames = java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return new ImageDataset(baseName(name), classNames, shape[0], shape[1], shape[2], train, test,
                DatasetInfo.ofFile(trainImages));
    }

    private static int maxLabel(Path labels, ReadLimits limits) throws IOException {
        int max = 0;
        for (byte b : IdxFile.read(labels, limits).data()) {
            max = Math.max(max, b & 0xff);
        }
        return max;
    }

    private static Path sibling(Path file, String name) {
        Path sibling = file.resolveSibling(name);
        if (!Files.isRegularFile(sibling)) {
            throw new MissingDatasetException("expected " + sibling.toAbsolutePath() + " next to " + file.getFileName());
        }
        return sibling;
    }

    private static Path firstExisting(Path file, String... names) {
        for (String name : names) {
            if (Files.isRegularFile(file.resolveSibling(name))) {
                return file.resolveSibling(name);
            }
        }
        throw new MissingDatasetException("no test images next to " + file.toAbsolutePath() + "; looked for " + List.of(names));
    }

    private static String baseName(String fileName) {
        String base = fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}

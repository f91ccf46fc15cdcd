package io.gradlens.data;

import io.gradlens.data.imports.DatasetFiles;
import io.gradlens.data.imports.DatasetReadOptions;
import io.gradlens.data.imports.TextImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a user's dataset with the default reading options; {@link DatasetFiles} chooses the reader
 * from the path (a folder of PNG/JPEG images, IDX, CSV/TSV/JSONL text, a numeric CSV/TSV table)
 * and takes the options the command line and the workbench offer. This class also reads IDX sets:
 * an IDX images file whose name contains {@code train} and {@code images} (e.g.
 * {@code train-images-idx3-ubyte.gz}), with the labels file found by replacing
 * {@code images}/{@code idx3} by {@code labels}/{@code idx1}, and the test files by replacing
 * {@code train} by {@code test} or {@code t10k}. The seed drives the split of files that do not
 * store one.
 */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    /** Loads {@code path} with the limits in force ({@link ReadLimits#current()}) and seed 0. */
    public static Dataset load(Path path) throws IOException {
        return load(path, 0L, ReadLimits.current());
    }

    /** Loads {@code path} with the default reading options ({@link DatasetReadOptions#defaults()}). */
    public static Dataset load(Path path, long seed, ReadLimits limits) throws IOException {
        return DatasetFiles.open(path, DatasetReadOptions.defaults(), seed, limits, TextImport.THE_CLASSES).dataset();
    }

    /** Reads the IDX set whose training images file is {@code trainImages}, as the class comment says. */
    public static ImageDataset loadIdx(Path trainImages, ReadLimits limits) throws IOException {
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

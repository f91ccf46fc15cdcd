package io.gradlens.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads scikit-learn's {@code digits.csv.gz} (UCI optdigits, 8×8 images with 17 gray levels): no
 * header, one image per line, 64 integers 0..16 in row-major order, then the label 0..9. Pixels
 * become {@code v / 16f}. The test split is a list of 0-based row numbers, one per line.
 */
public final class DigitsCsvReader {

    private static final int SIDE = 8;
    private static final int LEVELS = 16;

    private DigitsCsvReader() {
    }

    /** Reads the images and splits them by the row numbers in {@code testRowsFile}. */
    public static ImageDataset read(Path csvFile, Path testRowsFile, DatasetInfo info, ReadLimits limits) throws IOException {
        List<String> lines = TextFiles.readLines(csvFile, limits);
        Set<Integer> testRows = readRows(testRowsFile, lines.size(), limits);
        List<float[]> trainPixels = new ArrayList<>();
        List<float[]> testPixels = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",", -1);
            if (fields.length != SIDE * SIDE + 1) {
                throw DatasetFormatException.atLine(csvFile, i + 1, "ragged row: " + fields.length + " fields, expected 65");
            }
            float[] pixels = new float[SIDE * SIDE];
            for (int k = 0; k < pixels.length; k++) {
                pixels[k] = parse(csvFile, i + 1, fields[k], LEVELS, "pixel " + (k + 1)) / (float) LEVELS;
            }
            int label = parse(csvFile, i + 1, fields[SIDE * SIDE], 9, "label");
            (testRows.contains(i) ? testPixels : trainPixels).add(pixels);
            (testRows.contains(i) ? testLabels : trainLabels).add(label);
        }
        ImageSplit train = new ImageSplit(trainPixels.toArray(float[][]::new), toArray(trainLabels), null);
        ImageSplit test = new ImageSplit(testPixels.toArray(float[][]::new), toArray(testLabels), null);
        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        return new ImageDataset("digits", classes, SIDE, SIDE, 1, train, test, info);
    }

    private static int parse(Path file, long line, String field, int max, String what) {
        try {
            int value = Integer.parseInt(field.trim());
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DatasetFormatException.atLine(file, line, what + " \"" + field + "\" is not an integer in 0.." + max);
    }

    private static Set<Integer> readRows(Path file, int rowCount, ReadLimits limits) throws IOException {
        List<String> lines = TextFiles.readLines(file, limits);
        Set<Integer> rows = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            int row = parse(file, i + 1, lines.get(i), rowCount - 1, "row number");
            if (!rows.add(row)) {
                throw DatasetFormatException.atLine(file, i + 1, "row number " + row + " is listed twice");
            }
        }
        return rows;
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}

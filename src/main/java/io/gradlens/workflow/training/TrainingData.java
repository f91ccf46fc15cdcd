package io.gradlens.workflow.training;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.Dataset;
import io.gradlens.data.ReadLimits;
import io.gradlens.data.Tokenizer;
import io.gradlens.data.edits.DatasetEditFile;
import io.gradlens.data.edits.DatasetEdits;
import io.gradlens.data.imports.ColumnMapping;
import io.gradlens.data.imports.DatasetFiles;
import io.gradlens.data.imports.DatasetReadOptions;
import io.gradlens.data.imports.TextImport;
import io.gradlens.data.imports.TokenizerOptions;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the data of a training run as {@code train --dataset X [--edits E]} names it: an existing
 * file or folder, else a built-in dataset ({@link DatasetSource#of(String)}); then the edit list, if
 * given. A file is read by {@link DatasetFiles} with the {@link DatasetReadOptions} the command
 * line's dataset options or the workbench chose (built-in sets ignore them), and how it was read
 * (the class order, chosen columns, delimiter, image size) is kept in {@link DatasetSource#reading()} for the bundle.
 *
 * <p>For a model ({@link #resolveFor}), a text file is read with the model's class names as the
 * class list (a label outside them is refused naming the class and the model's classes) and with
 * the tokenizer the model records, so tokens and masks line up with what the model reads.
 *
 * @param dataset the dataset, edits applied
 * @param source  where it came from
 */
public record TrainingData(Dataset dataset, DatasetSource source) {

    /** How a refused label names the classes of a model. */
    static final String MODEL_CLASSES = "the model's classes";

    /**
     * @param name  a dataset file or folder, or a built-in dataset's name
     * @param edits an edit list to apply, or null
     * @param seed  seeds generated built-in datasets (decoys)
     * @throws IllegalArgumentException naming an unknown dataset or a missing edit list
     */
    public static TrainingData load(String name, Path edits, long seed) throws IOException {
        return load(name, DatasetReadOptions.defaults(), edits, seed);
    }

    /** {@link #load(String, Path, long)} reading a file with {@code options}. */
    public static TrainingData load(String name, DatasetReadOptions options, Path edits, long seed)
            throws IOException {
        TrainingData resolved = resolve(name, options, seed);
        Dataset data = resolved.dataset();
        DatasetSource source = resolved.source();
        if (edits != null) {
            if (!Files.isRegularFile(edits)) {
                throw new IllegalArgumentException(edits + ": no such edit list");
            }
            DatasetEdits list = DatasetEditFile.read(edits);
            data = list.apply(data).dataset();
            source = source.withEdits(edits, list.size());
        }
        return new TrainingData(data, source);
    }

    /**
     * Resolves and loads a {@code --dataset} argument without edits ({@link DatasetSource#of(String)}):
     * what {@code train} and every command that reads a dataset call.
     *
     * @param name a dataset file or folder (read as given), or a built-in dataset's name
     * @param seed seeds generated built-in datasets (decoys)
     * @throws IllegalArgumentException naming an unknown dataset
     */
    public static TrainingData resolve(String name, long seed) throws IOException {
        return resolve(name, DatasetReadOptions.defaults(), seed);
    }

    /** {@link #resolve(String, long)} reading a file with {@code options}. */
    public static TrainingData resolve(String name, DatasetReadOptions options, long seed) throws IOException {
        return resolve(name, options, seed, TextImport.THE_CLASSES);
    }

    /**
     * Resolves and loads a {@code --dataset} argument for {@code model}: a text file is read with
     * the model's class names (unless {@code options} name classes) and the model's tokenizer.
     */
    public static TrainingData resolveFor(String name, DatasetReadOptions options, long seed, Classifier model)
            throws IOException {
        DatasetReadOptions forModel = options;
        String classesName = TextImport.THE_CLASSES;
        if (options.classes().isEmpty()) {
            forModel = forModel.withClasses(model.classNames());
            classesName = MODEL_CLASSES;
        }
        if (model.input() instanceof InputSpec.Tokens tokens) {
            Tokenizer t = tokens.tokenizer();
            forModel = forModel.withTokenizer(new TokenizerOptions(t.lowercase(), t.splitPunctuation(), t.maxTokens()));
        }
        return resolve(name, forModel, seed, classesName);
    }

    /**
     * Reads the dataset file or folder {@code file} with {@code options}: what the workbench's Open
     * dataset calls.
     */
    public static TrainingData ofFile(Path file, DatasetReadOptions options, long seed) throws IOException {
        return ofFile(file, options, seed, TextImport.THE_CLASSES);
    }

    private static TrainingData ofFile(Path file, DatasetReadOptions options, long seed, String classesName)
            throws IOException {
        DatasetFiles.Opened opened = DatasetFiles.open(file, options, seed, ReadLimits.current(), classesName);
        return new TrainingData(opened.dataset(), DatasetSource.file(file).withReading(reading(opened, options)));
    }

    private static TrainingData resolve(String name, DatasetReadOptions options, long seed, String classesName)
            throws IOException {
        DatasetSource source = DatasetSource.of(name);
        if (source.builtIn().isPresent()) {
            return new TrainingData(BuiltInDatasets.load(name, seed), source);
        }
        // A file without a split column is split with seed 0 whatever the run's seed, as it always was,
        // so the command line and the workbench (which opens files with seed 0) train on the same split.
        return ofFile(Path.of(name), options, 0L, classesName);
    }

    /** How a file was read, for the bundle's provenance ({@code dataset_reading}). */
    static Map<String, Object> reading(DatasetFiles.Opened opened, DatasetReadOptions options) {
        Map<String, Object> reading = new LinkedHashMap<>();
        if (!opened.classOrder().isEmpty()) {
            reading.put("class_order", opened.classOrder());
        }
        if (options.columns() != null && opened.dataset() instanceof io.gradlens.data.TextDataset) {
            ColumnMapping columns = options.columns();
            Map<String, Object> mapped = new LinkedHashMap<>();
            mapped.put("text", columns.text());
            mapped.put("label", columns.label());
            reading.put("columns", mapped);
        }
        if (options.delimiter() != null) {
            reading.put("delimiter", String.valueOf(options.delimiter()));
        }
        if (options.imageSize() != null) {
            reading.put("image_size", options.imageSize().toString());
        }
        return reading;
    }

    /** A training spec of this data with {@code settings}. */
    public TrainingSpec spec(TrainingSettings settings) {
        return new TrainingSpec(dataset, source, settings);
    }
}

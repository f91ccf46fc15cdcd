package io.gradlens.data.imports;

import io.gradlens.data.Dataset;
import io.gradlens.data.DatasetFormatException;
import io.gradlens.data.DatasetInfo;
import io.gradlens.data.DatasetLoader;
import io.gradlens.data.MissingDatasetException;
import io.gradlens.data.PngFolderLoader;
import io.gradlens.data.ReadLimits;
import io.gradlens.data.TableReader;
import io.gradlens.data.TabularCsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a user's dataset file or folder with {@link DatasetReadOptions}, choosing the reader from
 * the path: the one place the command line and the workbench open dataset files.
 * <ul>
 *   <li>a folder → {@link PngFolderLoader} (PNG/JPEG, class names from folder names, resized to
 *       {@link DatasetReadOptions#imageSize()} when given);</li>
 *   <li>an IDX file ({@code idx} or {@code ubyte} in its name) → {@link DatasetLoader#loadIdx};</li>
 *   <li>{@code .jsonl} → {@link TextImport};</li>
 *   <li>{@code .csv}/{@code .tsv} → {@link TextImport} when numeric-table columns were not chosen
 *       and the header has the text column (or, without chosen columns, the {@link ColumnGuess}
 *       finds a text and a label column); else {@link TabularCsvReader} with the chosen input and
 *       target columns.</li>
 * </ul>
 */
public final class DatasetFiles {

    private DatasetFiles() {
    }

    /**
     * A dataset read from a file, and how its class order was decided: {@code explicit},
     * {@code index} (integer labels), {@code sorted}, {@code first_appearance} (word labels),
     * {@code folders} (image folders, sorted names) or empty (IDX and numeric tables).
     */
    public record Opened(Dataset dataset, String classOrder) {
    }

    /**
     * Reads {@code path}; {@code classesName} is how a refused label's message names an explicit
     * class list, e.g. {@code the model's classes}.
     *
     * @throws MissingDatasetException  when nothing is at {@code path}
     * @throws DatasetFormatException   naming file, line and problem of bad content
     */
    public static Opened open(Path path, DatasetReadOptions options, long seed, ReadLimits limits, String classesName)
            throws IOException {
        if (!Files.exists(path)) {
            throw new MissingDatasetException("no such file or folder: " + path.toAbsolutePath());
        }
        if (Files.isDirectory(path)) {
            return new Opened(PngFolderLoader.load(path, seed, limits, options.imageSize()), "folders");
        }
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.contains("idx") || lower.contains("ubyte")) {
            return new Opened(DatasetLoader.loadIdx(path, limits), "");
        }
        TableFormat format = TableFormat.ofPath(path);
        if (format == null) {
            throw DatasetFormatException.inFile(path, "unknown format: expected a folder of images, IDX, .csv, .tsv "
                    + "or .jsonl");
        }
        char delimiter = options.delimiter() != null ? options.delimiter() : format.defaultDelimiter();
        ColumnMapping columns = options.columns() != null ? options.columns() : ColumnMapping.defaults();
        if (format != TableFormat.JSONL && !options.choosesTableColumns()) {
            List<String> header = TableReader.header(path, delimiter, limits);
            if (options.columns() == null && !header.contains(columns.text())) {
                ColumnMapping guessed = ColumnGuess.guess(header);
                columns = guessed.text() != null && guessed.label() != null ? guessed : null;
            } else if (!header.contains(columns.text())) {
                columns = null;
            }
        } else if (format != TableFormat.JSONL) {
            columns = null;
        }
        if (columns == null) {
            return new Opened(TabularCsvReader.read(path, delimiter, options.inputColumns(), options.targetColumn(),
                    TextImport.baseName(path), DatasetInfo.ofFile(path), seed, limits), "");
        }
        TextImportSettings settings = new TextImportSettings(path, format, delimiter, columns, options.classes(),
                options.order(), options.tokenizer(), options.testFraction(), seed);
        TextImport.Loaded loaded = TextImport.load(settings, limits, classesName);
        return new Opened(loaded.dataset(), loaded.classOrder());
    }
}

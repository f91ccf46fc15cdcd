package io.gradlens.data;

import io.gradlens.data.imports.TextImport;
import io.gradlens.data.imports.TextImportSettings;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a labelled text file (CSV, TSV or JSONL) into a {@link TextDataset} with today's column
 * names ({@code text}, {@code label}, optional {@code mask} and {@code split}) and the default
 * tokenizer: the entry point of the built-in sets and of code that has {@link TextFileOptions}.
 * The reading itself is {@link TextImport}'s (see there for labels, masks and splits).
 */
public final class TextFileReader {

    private TextFileReader() {
    }

    /** Reads {@code file} as described in the class comment. */
    public static TextDataset read(Path file, TextFileOptions options) throws IOException {
        TextImportSettings settings = TextImportSettings.defaults(file)
                .withClasses(options.classNames() == null ? java.util.List.of() : options.classNames())
                .withTestFraction(options.testFraction()).withSeed(options.seed());
        TextDataset read = TextImport.load(settings, options.limits(), TextImport.THE_CLASSES).dataset();
        DatasetInfo info = options.info() != null ? options.info() : read.info();
        return new TextDataset(options.name(), read.classNames(), read.train(), read.test(), info);
    }
}

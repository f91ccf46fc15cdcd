package io.gradlens.data.imports;

import io.gradlens.data.DatasetFormatException;
import io.gradlens.data.DatasetInfo;
import io.gradlens.data.ReadLimits;
import io.gradlens.data.StratifiedSplit;
import io.gradlens.data.TableRow;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a labelled text file (CSV, TSV or JSONL, optionally gzip; see {@link TableRecords}) as a
 * {@link TextDataset} with the choices of a {@link TextImportSettings}: which columns hold text,
 * label, mask, id and split ({@link TextFields}); word or integer labels ({@link ClassIndex}); how
 * texts are tokenized. Records without a split value are split into train and test
 * {@link StratifiedSplit stratified} by class with the settings' seed; either every record has a
 * split value or none has. Both methods stream the file once and hold one record at a time besides
 * what they return.
 */
public final class TextImport {

    /** Most problems a preview lists. */
    public static final int MAX_PROBLEMS = 200;
    /** Most columns a preview lists (JSONL keys are collected from every record). */
    static final int MAX_COLUMNS = 1000;
    /** How messages name an explicit class list that is not a model's. */
    public static final String THE_CLASSES = "the classes";

    private TextImport() {
    }

    /**
     * Streams the whole file once (bounded memory): header/keys, the first {@code rows} records,
     * class counts, every problem with its line; never throws for bad content (only for an
     * unreadable file, as {@link DatasetFormatException}/{@link IOException}).
     */
    public static ImportPreview preview(TextImportSettings settings, int rows) throws IOException {
        return preview(settings, rows, ReadLimits.current());
    }

    /** {@link #preview(TextImportSettings, int)} under {@code limits}. */
    public static ImportPreview preview(TextImportSettings settings, int rows, ReadLimits limits) throws IOException {
        PreviewCollector collector = new PreviewCollector(settings, rows, limits);
        try {
            TableRecords.read(settings.file(), settings.format(), settings.delimiter(), limits, collector);
        } catch (DatasetFormatException e) {
            collector.add(new ImportProblem(e.line(), null, e.problem()));
        }
        return collector.result();
    }

    /** Loads the dataset, or throws {@link DatasetFormatException} naming file, line, column for the first problem. */
    public static TextDataset load(TextImportSettings settings) throws IOException {
        return load(settings, ReadLimits.current(), THE_CLASSES).dataset();
    }

    /** A loaded dataset and how its class order was decided ({@code explicit}, {@code index}, {@code sorted}, {@code first_appearance}). */
    public record Loaded(TextDataset dataset, String classOrder) {
    }

    /**
     * Loads the dataset under {@code limits}; {@code classesName} is how a refused label's message
     * names the explicit classes (e.g. {@code the model's classes}).
     */
    public static Loaded load(TextImportSettings settings, ReadLimits limits, String classesName) throws IOException {
        Path file = settings.file();
        LoadCollector collector = new LoadCollector(settings, limits, classesName);
        TableRecords.read(file, settings.format(), settings.delimiter(), limits, collector);
        List<TextRecord> records = collector.records;
        if (records.isEmpty()) {
            throw DatasetFormatException.inFile(file, "has a header but no records");
        }
        boolean[] test = testMask(settings, records, collector.classes);
        Tokenizer tokenizer = tokenizer(settings.tokenizer());
        List<TextExample> train = new ArrayList<>();
        List<TextExample> testSet = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            TextRecord r = records.get(i);
            (test[i] ? testSet : train).add(new TextExample(r.text(), collector.classes.index(r.label()), r.mask(),
                    tokenizer));
            records.set(i, null);
        }
        TextDataset dataset = new TextDataset(baseName(file), collector.classes.classNames(), train, testSet,
                DatasetInfo.ofFile(file));
        return new Loaded(dataset, collector.classes.orderName());
    }

    /** The tokenizer of these options. */
    public static Tokenizer tokenizer(TokenizerOptions options) {
        return Tokenizer.of(options.lowercase(), options.splitPunctuation(), options.maxTokens());
    }

    /** The file name without {@code .gz} and extension: the dataset's name. */
    public static String baseName(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    private static boolean[] testMask(TextImportSettings settings, List<TextRecord> records, ClassIndex classes) {
        boolean[] test = new boolean[records.size()];
        TextRecord withSplit = records.stream().filter(r -> r.test() != null).findFirst().orElse(null);
        if (withSplit != null) {
            for (int i = 0; i < test.length; i++) {
                if (records.get(i).test() == null) {
                    throw DatasetFormatException.atLine(settings.file(), records.get(i).line(), "no \""
                            + settings.columns().split() + "\" field, but other records have one");
                }
                test[i] = records.get(i).test();
            }
            return test;
        }
        int[] labels = records.stream().mapToInt(r -> classes.index(r.label())).toArray();
        return StratifiedSplit.testMask(labels, settings.testFraction(), settings.seed());
    }

    /** The problems of a header without the text or label column (CSV/TSV; JSONL is checked per record). */
    private static List<ImportProblem> headerProblems(ColumnMapping columns, List<String> header) {
        List<ImportProblem> problems = new ArrayList<>();
        for (String[] role : new String[][] {{"text", columns.text()}, {"label", columns.label()}}) {
            if (role[1] != null && !header.contains(role[1])) {
                problems.add(new ImportProblem(1, role[1], "header has no \"" + role[1] + "\" column (the " + role[0]
                        + "); columns are " + header));
            }
        }
        return problems;
    }

    /** Collects the records of a load, failing at the first problem. */
    private static final class LoadCollector implements TableRecords.Visitor {
        private final TextImportSettings settings;
        private final TextFields fields;
        private final ClassIndex classes;
        private final List<TextRecord> records = new ArrayList<>();
        private final Map<String, String> labels = new HashMap<>();

        LoadCollector(TextImportSettings settings, ReadLimits limits, String classesName) {
            this.settings = settings;
            this.fields = new TextFields(settings.columns(), tokenizer(settings.tokenizer()), limits);
            this.classes = new ClassIndex(settings.classes(), settings.order(), classesName, limits.maxClasses());
            if (settings.columns().text() == null || settings.columns().label() == null) {
                throw DatasetFormatException.inFile(settings.file(), "no " + (settings.columns().text() == null
                        ? "text" : "label") + " column chosen");
            }
        }

        @Override
        public void header(List<String> columns) {
            List<ImportProblem> problems = headerProblems(settings.columns(), columns);
            if (!problems.isEmpty()) {
                throw fail(problems.get(0));
            }
        }

        @Override
        public void record(TableRow row) {
            TextFields.Result result = fields.check(row);
            if (result.problem() != null) {
                throw fail(result.problem());
            }
            TextRecord r = result.record();
            String problem = classes.observe(r.label());
            if (problem != null) {
                throw fail(new ImportProblem(row.line(), settings.columns().label(), problem));
            }
            String label = labels.computeIfAbsent(r.label(), l -> l);
            records.add(new TextRecord(r.line(), r.text(), label, r.mask(), r.test()));
        }

        @Override
        public void badRecord(DatasetFormatException problem) {
            throw problem;
        }

        private DatasetFormatException fail(ImportProblem problem) {
            return DatasetFormatException.atLine(settings.file(), problem.line(), problem.message());
        }
    }

    /** Collects what a preview shows, going on after every problem. */
    private static final class PreviewCollector implements TableRecords.Visitor {
        private final TextImportSettings settings;
        private final int rows;
        private final TextFields fields;
        private final ClassIndex classes;
        private final Set<String> columns = new LinkedHashSet<>();
        private final List<Map<String, String>> first = new ArrayList<>();
        private final Map<String, Long> labelCounts = new HashMap<>();
        private final List<ImportProblem> problems = new ArrayList<>();
        private boolean truncated;
        private boolean textColumnMissing;
        private boolean labelColumnMissing;
        private long records;
        private long withSplit;
        private long firstWithoutSplit;

        PreviewCollector(TextImportSettings settings, int rows, ReadLimits limits) {
            this.settings = settings;
            this.rows = rows;
            this.fields = new TextFields(settings.columns(), tokenizer(settings.tokenizer()), limits);
            this.classes = new ClassIndex(settings.classes(), settings.order(), THE_CLASSES, limits.maxClasses());
            textColumnMissing = settings.columns().text() == null;
            labelColumnMissing = settings.columns().label() == null;
            if (textColumnMissing || labelColumnMissing) {
                add(new ImportProblem(0, null, "no " + (textColumnMissing ? "text" : "label") + " column chosen"));
            }
        }

        void add(ImportProblem problem) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            } else {
                truncated = true;
            }
        }

        @Override
        public void header(List<String> header) {
            columns.addAll(header);
            for (ImportProblem problem : headerProblems(settings.columns(), header)) {
                textColumnMissing |= problem.column().equals(settings.columns().text());
                labelColumnMissing |= problem.column().equals(settings.columns().label());
                add(problem);
            }
        }

        @Override
        public void record(TableRow row) {
            records++;
            for (String key : row.fields().keySet()) {
                if (columns.size() < MAX_COLUMNS) {
                    columns.add(key);
                }
            }
            if (first.size() < rows) {
                first.add(row.fields());
            }
            String label = labelColumnMissing ? null : row.get(settings.columns().label());
            if (!textColumnMissing && !labelColumnMissing) {
                TextFields.Result result = fields.check(row);
                if (result.problem() != null) {
                    add(result.problem());
                    return;
                }
                if (result.record().test() != null) {
                    withSplit++;
                } else if (firstWithoutSplit == 0) {
                    firstWithoutSplit = row.line();
                }
            }
            if (label == null) {
                if (!labelColumnMissing) {
                    add(new ImportProblem(row.line(), settings.columns().label(), "no \"" + settings.columns().label()
                            + "\" field; fields are " + row.fields().keySet()));
                }
                return;
            }
            String problem = classes.observe(label);
            if (problem != null) {
                add(new ImportProblem(row.line(), settings.columns().label(), problem));
                return;
            }
            labelCounts.merge(label.trim(), 1L, Long::sum);
        }

        @Override
        public void badRecord(DatasetFormatException problem) {
            records++;
            add(new ImportProblem(problem.line(), null, problem.problem()));
        }

        ImportPreview result() {
            if (withSplit > 0 && firstWithoutSplit > 0) {
                add(new ImportProblem(firstWithoutSplit, settings.columns().split(), "no \"" + settings.columns().split()
                        + "\" field, but other records have one"));
            }
            List<String> columnList = List.copyOf(columns);
            List<List<String>> firstRows = new ArrayList<>();
            for (Map<String, String> row : first) {
                List<String> values = new ArrayList<>();
                for (String column : columnList) {
                    String value = row.get(column);
                    values.add(value == null ? "" : value);
                }
                firstRows.add(values);
            }
            List<String> names = classes.classNames();
            long[] counts = new long[names.size()];
            labelCounts.forEach((label, count) -> counts[classes.index(label)] += count);
            Map<String, Long> classCounts = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                classCounts.merge(names.get(i), counts[i], Long::sum);
            }
            if (labelCounts.isEmpty() && settings.classes().isEmpty()) {
                classCounts.clear();
            }
            return new ImportPreview(columnList, firstRows, ColumnGuess.guess(columnList), classCounts, problems,
                    records, truncated);
        }
    }
}

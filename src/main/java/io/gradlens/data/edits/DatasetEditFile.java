package io.gradlens.data.edits;

import io.gradlens.data.DatasetFormatException;
import io.gradlens.format.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes an edit list as a small tab-separated text file kept beside the dataset (the
 * dataset's own file is never written). One edit per line, oldest first:
 *
 * <pre>
 * # GradLens dataset edits v1
 * relabel      train  12  9f3a2c1b  1
 * exclude      train  40  0a1b2c3d
 * mask-tokens  train  3   deadbeef  0,4,5
 * mask-word    brilliant
 * mask-pixels  train  7   cafebabe  0-3,28-31
 * mask-pixels  all    0-3,28-31
 * </pre>
 *
 * (fields separated by one tab; the fingerprint is hexadecimal; index sets are comma-separated values
 * or ranges). Writes go to a temporary file that replaces the old one atomically, so a crash never
 * leaves a half-written list.
 */
public final class DatasetEditFile {

    /** The first line of every edit file. */
    public static final String HEADER = "# GradLens dataset edits v1";
    /** The suffix appended to a dataset's file name for its edit list. */
    public static final String SUFFIX = ".gradlens-edits.tsv";

    private DatasetEditFile() {
    }

    /** Where the edits of the dataset stored in {@code datasetFile} live: a sibling file. */
    public static Path besideDataset(Path datasetFile) {
        return datasetFile.resolveSibling(datasetFile.getFileName() + SUFFIX);
    }

    /** Where the edits of a built-in dataset live: {@code directory/<name>.gradlens-edits.tsv}. */
    public static Path forBuiltIn(Path directory, String datasetName) {
        if (!datasetName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("\"" + datasetName + "\" is not a plain dataset name");
        }
        return directory.resolve(datasetName + SUFFIX);
    }

    /**
     * Reads the edit list in {@code file}; a missing file is the empty list.
     *
     * @throws DatasetFormatException naming the file, line and problem
     */
    public static DatasetEdits read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return DatasetEdits.none();
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw DatasetFormatException.atLine(file, 1, "an edit list starts with \"" + HEADER + "\"");
        }
        List<DatasetEdit> edits = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                edits.add(parse(line.split("\t", -1)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
                throw DatasetFormatException.atLine(file, n + 1, reason(ex) + " in \"" + line + "\"");
            }
        }
        return DatasetEdits.of(edits);
    }

    /** Writes {@code edits} to {@code file}, replacing it atomically; the empty list deletes the file. */
    public static void write(Path file, DatasetEdits edits) throws IOException {
        if (edits.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (DatasetEdit edit : edits.edits()) {
            text.append(String.join("\t", format(edit))).append('\n');
        }
        AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<String> format(DatasetEdit edit) {
        if (edit instanceof DatasetEdit.Relabel r) {
            return concat("relabel", r.example(), Integer.toString(r.label()));
        }
        if (edit instanceof DatasetEdit.Exclude x) {
            return concat("exclude", x.example());
        }
        if (edit instanceof DatasetEdit.MaskTokens m) {
            return concat("mask-tokens", m.example(), IndexRanges.format(m.positions()));
        }
        if (edit instanceof DatasetEdit.MaskWord w) {
            return List.of("mask-word", w.word());
        }
        DatasetEdit.MaskPixels p = (DatasetEdit.MaskPixels) edit;
        return p.everywhere()
                ? List.of("mask-pixels", "all", IndexRanges.format(p.pixels()))
                : concat("mask-pixels", p.example(), IndexRanges.format(p.pixels()));
    }

    static DatasetEdit parse(String[] f) {
        return switch (f[0]) {
            case "relabel" -> new DatasetEdit.Relabel(ref(f), Integer.parseInt(field(f, 4, 5)));
            case "exclude" -> {
                fieldCount(f, 4);
                yield new DatasetEdit.Exclude(ref(f));
            }
            case "mask-tokens" -> new DatasetEdit.MaskTokens(ref(f), IndexRanges.parse(field(f, 4, 5)));
            case "mask-word" -> new DatasetEdit.MaskWord(field(f, 1, 2));
            case "mask-pixels" -> "all".equals(f[1])
                    ? new DatasetEdit.MaskPixels(null, IndexRanges.parse(field(f, 2, 3)))
                    : new DatasetEdit.MaskPixels(ref(f), IndexRanges.parse(field(f, 4, 5)));
            default -> throw new IllegalArgumentException("unknown edit \"" + f[0]
                    + "\" (expected relabel, exclude, mask-tokens, mask-word or mask-pixels)");
        };
    }

    private static ExampleRef ref(String[] f) {
        if (f.length < 4) {
            throw new IllegalArgumentException("expected split, index and fingerprint after \"" + f[0] + "\"");
        }
        return new ExampleRef(Split.parse(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3], 16));
    }

    private static String field(String[] f, int index, int count) {
        fieldCount(f, count);
        return f[index];
    }

    private static void fieldCount(String[] f, int count) {
        if (f.length != count) {
            throw new IllegalArgumentException("\"" + f[0] + "\" takes " + count + " tab-separated fields, found "
                    + f.length);
        }
    }

    private static List<String> concat(String kind, ExampleRef ref, String... rest) {
        List<String> out = new ArrayList<>(List.of(kind, ref.split().fileName(), Integer.toString(ref.index()),
                Long.toHexString(ref.fingerprint())));
        out.addAll(List.of(rest));
        return out;
    }

    private static String reason(RuntimeException ex) {
        return ex instanceof NumberFormatException ? "not a number (" + ex.getMessage() + ")" : ex.getMessage();
    }
}

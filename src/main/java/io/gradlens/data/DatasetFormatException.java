package io.gradlens.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The one exception every dataset reader throws for bad content: it names the file, the place
 * (a 1-based line of a text file or a 1-based record of a binary file, when there is one) and
 * the problem, e.g. {@code sentences.csv line 17: label "pos" is not one of [0, 1]}.
 * A reader that throws it has returned nothing: there are no partial loads.
 */
public final class DatasetFormatException extends IllegalArgumentException {

    private final Path file;
    private final long line;
    private final long record;
    private final String problem;

    private DatasetFormatException(Path file, long line, long record, String problem, Throwable cause) {
        super(message(file, line, record, problem), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.record = record;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** A problem at a 1-based line of a text file. */
    public static DatasetFormatException atLine(Path file, long line, String problem) {
        return new DatasetFormatException(file, line, 0, problem, null);
    }

    /** A problem at a 1-based record (item) of a binary file. */
    public static DatasetFormatException atRecord(Path file, long record, String problem) {
        return new DatasetFormatException(file, 0, record, problem, null);
    }

    /** A problem with the file as a whole (empty, wrong header, truncated compression, ...). */
    public static DatasetFormatException inFile(Path file, String problem) {
        return new DatasetFormatException(file, 0, 0, problem, null);
    }

    /** Like {@link #inFile(Path, String)}, keeping the low-level cause. */
    public static DatasetFormatException inFile(Path file, String problem, Throwable cause) {
        return new DatasetFormatException(file, 0, 0, problem, cause);
    }

    /** The file that holds the problem. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when it is not tied to a line. */
    public long line() {
        return line;
    }

    /** The 1-based record of the problem, or 0 when it is not tied to a record. */
    public long record() {
        return record;
    }

    /** The problem alone, without file and place. */
    public String problem() {
        return problem;
    }

    private static String message(Path file, long line, long record, String problem) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (line > 0) {
            return name + " line " + line + ": " + problem;
        }
        if (record > 0) {
            return name + " record " + record + ": " + problem;
        }
        return name + ": " + problem;
    }
}

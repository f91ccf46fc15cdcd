package io.gradlens.autodiff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the kernel's memory counters of a process from a Linux {@code /proc/<pid>/status} file
 * (see proc(5)): lines such as {@code VmHWM:   123456 kB}. Used by {@link NativeMemory} for the
 * process' real peak; parsing is separate from reading so it can be tested on any system.
 */
final class ProcStatus {

    /** This process' status file. */
    static final Path SELF = Path.of("/proc/self/status");

    private ProcStatus() {
    }

    /** The value of {@code field} in kB from the status file, or -1 when the file or field is absent. */
    static long kilobytes(Path status, String field) {
        try {
            return kilobytes(Files.readAllLines(status), field);
        } catch (IOException | SecurityException e) {
            return -1; // not Linux, or /proc not mounted: the caller falls back
        }
    }

    /**
     * The value of {@code field} in kB among status {@code lines}, or -1 when no line names it.
     *
     * @throws IllegalArgumentException when the line exists but holds no number in kB
     */
    static long kilobytes(List<String> lines, String field) {
        String prefix = field + ":";
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                String[] parts = line.substring(prefix.length()).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB") || !parts[0].matches("[0-9]+")) {
                    throw new IllegalArgumentException("unexpected " + field + " line in a /proc status file: '"
                            + line + "'");
                }
                return Long.parseLong(parts[0]);
            }
        }
        return -1;
    }
}

package io.gradlens.cli;

import java.io.PrintWriter;

/** A one-line progress bar on standard error, redrawn at most ten times a second. */
final class ProgressBar {

    private final PrintWriter err;
    private final String label;
    private final long started = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    void update(long done, long total, String message) {
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = total <= 0 ? 0 : (int) Math.min(width, width * done / total);
        double elapsed = (now - started) / 1e9;
        String eta = done > 0 && total > 0 ? String.format(" eta %.0fs", elapsed * (total - done) / done) : "";
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total
                + " " + message + eta + "   ");
        err.flush();
        drawn = true;
    }

    void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(110) + "\r");
            err.flush();
            drawn = false;
        }
    }
}

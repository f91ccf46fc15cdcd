package io.gradlens.cli;

import io.gradlens.util.CancellationToken;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM for the command line: {@link #install()} (called by
 * {@link GradLensCli#main} only, never by in-process runs) adds a JVM shutdown hook that cancels
 * {@link #token()} and waits up to {@link #GRACE_MS} for the command to stop at its next batch, so it
 * ends through {@code CancelledException} and discards its temporary output files; the JVM then
 * exits with the signal's status (130 for SIGINT). The long-running commands pass this token to
 * their workflow.
 */
final class Interrupt {

    /** How long the hook lets a cancelled command finish its batch and clean up. */
    static final long GRACE_MS = 5_000;

    private static final CancellationToken TOKEN = new CancellationToken();
    private static final CountDownLatch FINISHED = new CountDownLatch(1);

    private Interrupt() {
    }

    /** The process-wide token, cancelled only by a signal after {@link #install()}. */
    static CancellationToken token() {
        return TOKEN;
    }

    /** Adds the shutdown hook. */
    static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            TOKEN.cancel();
            try {
                FINISHED.await(GRACE_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gradlens-interrupt"));
    }

    /** Tells the hook that the command has returned (before {@code System.exit}). */
    static void finished() {
        FINISHED.countDown();
    }
}

/**
 * The command line, {@code bin/gradlens <command>} (picocli). The only code that prints to
 * standard output; results go to stdout as JSON/CSV, progress to stderr. Exit code 0 on success,
 * 2 on bad input with a one-line message (a stack trace only with {@code --debug}), 1 on an
 * unexpected failure.
 */
package io.gradlens.cli;

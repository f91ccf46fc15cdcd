/**
 * The import dialog of the workbench: a CSV, TSV or JSONL file opened from File ▸ Open dataset…
 * (or dropped on the window) is previewed with {@link io.gradlens.data.imports.TextImport} before
 * anything loads; the user maps its columns, picks delimiter, tokenizer, class order and split,
 * sees the class counts and every problem with its line, and imports only a file without problems.
 * {@link io.gradlens.app.dataimport.ImportViewModel} holds the state (plain JUnit testable),
 * {@link io.gradlens.app.dataimport.ImportDialog} the nodes.
 */
package io.gradlens.app.dataimport;

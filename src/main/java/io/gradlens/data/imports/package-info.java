/**
 * Bringing one's own labelled text: {@link io.gradlens.data.imports.TextImport} streams a CSV, TSV
 * or JSONL file under {@link io.gradlens.data.ReadLimits} (Apache Commons CSV for the delimited
 * formats), maps its columns ({@link io.gradlens.data.imports.ColumnMapping}), turns word labels
 * into class names ({@link io.gradlens.data.imports.ClassOrder}) and previews a file before it loads
 * ({@link io.gradlens.data.imports.ImportPreview}). No ND4J here.
 */
package io.gradlens.data.imports;

package io.gradlens.app.dataimport;

/**
 * One class an import would create, for the dialog's class table.
 *
 * @param index the class index the label gets
 * @param name the class name (the word label, or the index for integer labels)
 * @param records how many records carry it
 */
public record ClassCount(int index, String name, long records) {
}

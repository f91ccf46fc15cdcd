package io.gradlens.data.imports;

/**
 * How word labels become class indices when no explicit class list is given. Integer labels
 * ({@code 0, 1, 2, ...}) always keep their value as the index, whatever the order.
 */
public enum ClassOrder {
    /** Class names sorted alphabetically ({@link String#compareTo}): the default, stable under reordering of rows. */
    SORTED("Sorted by name"),
    /** Class names in the order their first record appears in the file. */
    FIRST_APPEARANCE("In order of first appearance");

    private final String label;

    ClassOrder(String label) {
        this.label = label;
    }

    /** A human-readable name for menus and reports. */
    public String label() {
        return label;
    }
}

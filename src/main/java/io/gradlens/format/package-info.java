/**
 * The bottom floor of reading and writing: NumPy {@code .npy}/{@code .npz} arrays and zip archives
 * read with limits (entry names, sizes, duplicates checked before anything is inflated; sizes and
 * compression ratio counted while inflating). {@link io.gradlens.format.SizeLimit} is the one
 * mechanism of configurable limits ({@code gradlens.limit.*}, listed in {@code docs/limits.md}),
 * used here and by {@code data} and {@code io.keras}. It knows
 * nothing of models or datasets; {@code io} builds bundles and imports on it, {@code train} and
 * {@code explain.influence} store checkpoints and indexes with it.
 */
package io.gradlens.format;

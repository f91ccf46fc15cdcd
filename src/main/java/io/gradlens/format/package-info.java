/**
 * The bottom floor of reading and writing: NumPy {@code .npy}/{@code .npz} arrays and zip archives
 * read with limits (entry names, sizes, duplicates checked before anything is inflated; sizes and
 * compression ratio counted while inflating). {@link io.gradlens.format.SizeLimit} is the one
 * mechanism of configurable limits ({@code gradlens.limit.*}, listed in {@code docs/limits.md}),
 * used here and by {@code data} and {@code io.keras}. {@link io.gradlens.format.MappedNpy} maps large
 * {@code .npy} arrays read-only instead of reading them, its header parsed by
 * {@link io.gradlens.format.NpyHeader} as for {@link io.gradlens.format.Npy}. It knows
 * nothing of models or datasets; {@code io} builds bundles and imports on it, {@code train} and
 * {@code explain.influence} store checkpoints and indexes with it.
 */
package io.gradlens.format;

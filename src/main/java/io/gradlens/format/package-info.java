/**
 * The bottom floor of reading and writing: NumPy {@code .npy}/{@code .npz} arrays and zip archives
 * read with limits (entry names, sizes, duplicates checked before anything is inflated). It knows
 * nothing of models or datasets; {@code io} builds bundles and imports on it, {@code train} and
 * {@code explain.influence} store checkpoints and indexes with it.
 */
package io.gradlens.format;

/**
 * Readers for Keras and TensorFlow.js model files that turn them into a neutral, validated,
 * in-memory description ({@link io.gradlens.io.keras.KerasModelSpec}).
 *
 * <p>Supported inputs: Keras 2 full-model HDF5 ({@code .h5}, also weights-only {@code .h5} with a
 * separate JSON architecture), Keras 3 archives ({@code .keras}) and TensorFlow.js layers models
 * ({@code model.json} with binary weight shards). {@link io.gradlens.io.keras.KerasModelFiles#read}
 * picks the reader by extension and content.
 *
 * <p>Nothing in a model file is ever executed: architectures are read as plain JSON, layers outside
 * a fixed set of built-in classes (for example {@code Lambda} or custom objects) and activations
 * outside a fixed set are refused with {@link io.gradlens.io.keras.UnsupportedModelException}; every
 * other defect (corrupt HDF5, missing or mis-shaped weights) gives a
 * {@link io.gradlens.io.keras.ModelFormatException} naming the file and the layer. Weights keep the
 * original Keras layout; see {@code docs/keras-import.md}.
 */
package io.gradlens.io.keras;

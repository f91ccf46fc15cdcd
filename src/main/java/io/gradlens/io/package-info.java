/**
 * Reading and writing: the {@code .gradlens} model bundle (a zip of {@code model.json},
 * {@code weights.npz} in NumPy's format, and for text models {@code vocabulary.txt}), token-id and
 * image inputs from {@code .npy} files, and (in {@code io.gradlens.io.keras}) Keras and
 * TensorFlow.js model files; the array and zip formats underneath are {@code io.gradlens.format}. Nothing here uses Java serialization, and nothing from a file is ever executed.
 */
package io.gradlens.io;

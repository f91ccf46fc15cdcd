/**
 * Reading and writing: the {@code .gradlens} model bundle (a zip of {@code model.json},
 * {@code weights.npz} in NumPy's format, and for text models {@code vocabulary.txt}), NumPy
 * {@code .npy}/{@code .npz} arrays, and (in {@code io.gradlens.io.keras}) Keras and TensorFlow.js
 * model files. Nothing here uses Java serialization, and nothing from a file is ever executed.
 */
package io.gradlens.io;

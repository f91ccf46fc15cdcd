/**
 * Layers and models on the {@link io.gradlens.autodiff.GradientTape}: Dense, Embedding,
 * SimpleRNN, LSTM, GRU, Conv1D/2D, pooling, Flatten, Dropout, Activation, the {@link
 * io.gradlens.nn.Sequential} container and custom models with several inputs.
 *
 * <p><b>Weights use Keras layouts</b>, so imported models need no conversion: Dense kernel
 * [in, out] and bias [out]; Embedding [V, E]; LSTM kernel [E, 4H] with gates in the order i, f, c,
 * o, recurrent_kernel [H, 4H], bias [4H]; GRU kernel [E, 3H] in the order z, r, h, recurrent_kernel
 * [H, 3H], bias [2, 3H] (reset_after) or [3H]; SimpleRNN kernel [E, H], recurrent_kernel [H, H],
 * bias [H]; Conv1D kernel [k, in, out]; Conv2D kernel [kh, kw, in, out], channels-last.
 *
 * <p>Every recurrent layer exposes each step's hidden state h_t (and the LSTM's cell state c_t)
 * as tensors on the tape through {@link io.gradlens.nn.ForwardContext}, so explanations can seed a
 * gradient at any step.
 */
package io.gradlens.nn;

/**
 * Reverse-mode automatic differentiation over ND4J arrays, shaped like TensorFlow's
 * {@code tf.GradientTape}.
 *
 * <p>A {@link io.gradlens.autodiff.GradientTape} records the operations applied to the tensors it
 * watches. Every operation's backward rule is itself written in recorded operations, so a gradient
 * computed while an outer tape records is differentiable again: nested tapes give Hessian-vector
 * products, input-gradient penalties ("right for the right reasons", Ross et al. 2017) and
 * gradients of any order. When no tape records, operations do no bookkeeping at all.
 *
 * <p>Gradients never silently vanish: asking for the gradient with respect to a tensor the target
 * does not depend on raises a {@link io.gradlens.autodiff.DisconnectedGradientException} that says
 * why (not watched, computed outside the tape, an integer tensor such as token ids, a slice taken
 * after the target was computed) and what to do instead.
 *
 * <p>Fused kernels (the LSTM kernels, the window kernels of convolution and pooling) run their
 * elementwise work as Java loops over ND4J's memory. Their host reads and writes go through
 * {@link io.gradlens.autodiff.ArrayAccess}, which keeps the CUDA backend's host and device copies
 * in step and decides whether the kernels may run at all; each has a reference path in ND4J
 * operations, taken with {@code -Dgradlens.fusedKernels=false}.
 *
 * <p>This package depends on ND4J only; nothing else of GradLens.
 */
package io.gradlens.autodiff;

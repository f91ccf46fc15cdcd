package io.gradlens.autodiff;

/**
 * One recorded operation: what it read, what it produced (one tensor, or several computed
 * together, e.g. the h and c of a fused LSTM cell), and how to run it backwards.
 */
record TapeEntry(String op, Tensor[] inputs, Tensor[] outputs, MultiBackwardRule rule) {
}

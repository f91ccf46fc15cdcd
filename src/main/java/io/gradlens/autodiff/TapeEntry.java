package io.gradlens.autodiff;

/** One recorded operation: what it read, what it produced, and how to run it backwards. */
record TapeEntry(String op, Tensor[] inputs, Tensor output, BackwardRule rule) {
}

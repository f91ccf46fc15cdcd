package io.gradlens.app.service;

/** Model architectures the training form offers. */
public enum Architecture {
  /** Mean of token embeddings followed by a multi-layer perceptron. */
  BAG_OF_EMBEDDINGS,
  /** Elman recurrent network over token embeddings. */
  RNN,
  /** Long short-term memory network over token embeddings. */
  LSTM,
  /** One-dimensional convolution with max-over-time pooling. */
  CNN
}

/**
 * Training: losses, optimizers, the minibatch loop with listeners and cancellation, and the
 * explanation penalty of "right for the right reasons" training (Ross, Hughes and Doshi-Velez,
 * IJCAI 2017, https://arxiv.org/abs/1703.03717), computed exactly by double backpropagation.
 */
package io.gradlens.train;

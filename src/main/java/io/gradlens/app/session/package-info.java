/**
 * State that holds across restarts and the way out: what the last session showed and how it is
 * restored ({@link io.gradlens.app.session.StartPlan}, {@link io.gradlens.app.session.SaliencySession}),
 * and the quit path that offers to save the models trained in this session
 * ({@link io.gradlens.app.session.QuitFlow}, {@link io.gradlens.app.session.UnsavedModels}).
 */
package io.gradlens.app.session;

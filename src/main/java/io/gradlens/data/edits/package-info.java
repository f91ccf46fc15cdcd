/**
 * Edits a user makes to a dataset without touching its file: relabel or exclude an example (for
 * instance one that self-influence flags as mislabelled), and mark tokens or pixels that "must not
 * matter" for explanation-constrained training (Ross, Hughes and Doshi-Velez, IJCAI 2017).
 *
 * <p>An edit list is applied on load ({@link io.gradlens.data.edits.DatasetEdits#apply}), is saved
 * beside the dataset by {@link io.gradlens.data.edits.DatasetEditFile}, and is undone by removing its
 * last edit. Every edit that names an example carries a fingerprint of it, so a list that no longer
 * fits a changed dataset fails with the edit's number instead of silently editing the wrong example.
 */
package io.gradlens.data.edits;

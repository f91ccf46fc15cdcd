/**
 * Datasets for GradLens: plain Java (arrays, records), no ND4J, no UI.
 *
 * <h2>One abstraction</h2>
 * {@link io.gradlens.data.Dataset} is sealed: an {@link io.gradlens.data.ImageDataset},
 * {@link io.gradlens.data.TextDataset} or {@link io.gradlens.data.TabularDataset}, each with a
 * fixed train/test split and {@link io.gradlens.data.DatasetInfo} (source, license, citation).
 * Trainer, explainers and GUI all take a {@code Dataset}.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Pixels: {@code float} in [0, 1] (8-bit byte / 255), row-major height × width × channels.</li>
 *   <li>Relevance masks (images: one value per pixel entry; text: one per token of
 *       {@link io.gradlens.data.Tokenizer}): 1 = may matter, 0 = must not matter (a decoy).
 *       This is {@code 1 − A} for the annotation matrix {@code A} of Ross, Hughes &amp;
 *       Doshi-Velez 2017, "Right for the Right Reasons", IJCAI,
 *       <a href="https://arxiv.org/abs/1703.03717">arXiv:1703.03717</a>.</li>
 *   <li>Tokens: {@link io.gradlens.data.Tokenizer} ({@link io.gradlens.data.Tokenizer#DEFAULT} unless a
 *       file was imported with other options; every {@link io.gradlens.data.TextExample} carries its
 *       tokenizer); ids: {@link io.gradlens.data.Vocabulary} (PAD = 0, OOV = 1).</li>
 *   <li>Randomness: every generator and split takes a seed; same seed, same arrays.</li>
 * </ul>
 *
 * <h2>Where data comes from</h2>
 * {@link io.gradlens.data.BuiltInDatasets} loads the shipped sets by name (mnist, decoy-mnist,
 * digits, sentences, decoy-text, sotu, price, fashion-mnist); {@link io.gradlens.data.imports.DatasetFiles}
 * loads a user's file or folder by its extension and content with the reading options of
 * {@link io.gradlens.data.imports.DatasetReadOptions} (columns, word labels, delimiter, tokenizer,
 * image size; {@link io.gradlens.data.DatasetLoader} with the defaults), streaming CSV/TSV/JSONL
 * through {@link io.gradlens.data.imports.TableRecords}. The sentences are the UCI Sentiment
 * Labelled Sentences (Kotzias et al. 2015, KDD), their masks come from the VADER lexicon (Hutto &amp;
 * Gilbert 2014, ICWSM).
 *
 * <h2>Bad input</h2>
 * Every reader either returns a complete dataset or throws a
 * {@link io.gradlens.data.DatasetFormatException} naming file, line or record, and problem; sizes
 * are bounded by {@link io.gradlens.data.ReadLimits}, checked before memory is taken (file sizes,
 * line and record lengths while streaming, image headers before decoding) and raised by the settings
 * {@code gradlens.limit.*} of {@code docs/limits.md}. Missing files give a
 * {@link io.gradlens.data.MissingDatasetException} naming the path.
 */
package io.gradlens.data;

package io.gradlens.app.dataimport;

import io.gradlens.app.settings.RecentDataset;
import io.gradlens.data.imports.ClassOrder;
import io.gradlens.data.imports.ColumnMapping;
import io.gradlens.data.imports.TableFormat;
import io.gradlens.data.imports.TextImportSettings;
import io.gradlens.data.imports.TokenizerOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Converts import settings to the plain form the settings file keeps ({@link RecentDataset}) and
 * back. Reading back never fails on a field: one that is missing or does not make sense (an
 * unknown format, a negative token cap, a test fraction of 2) takes its default, so a hand-edited
 * or older settings file still lists the dataset.
 */
public final class SavedImportSettings {

  private SavedImportSettings() {
  }

  /** @return {@code settings} as the settings file keeps them (the file as an absolute path) */
  public static RecentDataset save(TextImportSettings settings) {
    ColumnMapping c = settings.columns();
    TokenizerOptions t = settings.tokenizer();
    String delimiter = settings.format() == TableFormat.JSONL ? null
        : String.valueOf(settings.delimiter());
    return new RecentDataset(settings.file().toAbsolutePath().normalize().toString(),
        settings.format().name(), delimiter, c.text(), c.label(), c.mask(), c.id(), c.split(),
        settings.classes(), settings.order().name(), t.lowercase(), t.splitPunctuation(),
        t.maxTokens(), settings.testFraction(), settings.seed());
  }

  /**
   * @return the import settings of {@code saved}: each field as saved where it is valid, else the
   *     default of {@link TextImportSettings#defaults} for its file
   * @throws IllegalArgumentException when the entry names no file or an invalid path
   */
  public static TextImportSettings restore(RecentDataset saved) {
    if (!saved.hasFile()) {
      throw new IllegalArgumentException("a recent dataset without a file");
    }
    Path file = Path.of(saved.file());
    TextImportSettings s = TextImportSettings.defaults(file);
    TableFormat format = parse(saved.format(), TableFormat::valueOf, s::format);
    s = s.withFormat(format);
    if (format != TableFormat.JSONL && saved.delimiter() != null
        && saved.delimiter().length() == 1) {
      s = s.withDelimiter(saved.delimiter().charAt(0));
    }
    s = s.withColumns(new ColumnMapping(saved.textColumn(), saved.labelColumn(),
        saved.maskColumn(), saved.idColumn(), saved.splitColumn()));
    s = s.withClasses(saved.classes());
    s = s.withOrder(parse(saved.classOrder(), ClassOrder::valueOf, s::order));
    TokenizerOptions d = s.tokenizer();
    int maxTokens = saved.maxTokens() != null && saved.maxTokens() >= 0 ? saved.maxTokens()
        : d.maxTokens();
    s = s.withTokenizer(new TokenizerOptions(
        saved.lowercase() != null ? saved.lowercase() : d.lowercase(),
        saved.splitPunctuation() != null ? saved.splitPunctuation() : d.splitPunctuation(),
        maxTokens));
    Double fraction = saved.testFraction();
    if (fraction != null && fraction >= 0 && fraction < 1) {
      s = s.withTestFraction(fraction);
    }
    if (saved.seed() != null) {
      s = s.withSeed(saved.seed());
    }
    return s;
  }

  private static <T> T parse(String name, Function<String, T> valueOf, Supplier<T> fallback) {
    if (name == null) {
      return fallback.get();
    }
    try {
      return valueOf.apply(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return fallback.get();
    }
  }
}

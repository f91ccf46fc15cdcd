package io.gradlens.hardening;

import io.gradlens.data.imports.ImportPreview;
import io.gradlens.data.imports.TextImport;
import io.gradlens.data.imports.TextImportSettings;
import java.nio.file.Path;

/** Child-JVM entry of {@link LargeCsvBoundedHeapTest}: previews one file and prints what it counted. */
public final class LargeCsvPreviewMain {

    private LargeCsvPreviewMain() {
    }

    /** {@code args[0]}: the CSV file. Prints {@code records=N classes={...} problems=P maxHeapMb=M}. */
    public static void main(String[] args) throws Exception {
        ImportPreview preview = TextImport.preview(TextImportSettings.defaults(Path.of(args[0])), 5);
        System.out.println("records=" + preview.records() + " classes=" + preview.classCounts() + " problems="
                + preview.problems().size() + " maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1 << 20));
    }
}

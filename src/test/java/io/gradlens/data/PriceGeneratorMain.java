package io.gradlens.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates the shipped {@code datasets/price.csv} (a maintainer's tool, kept beside
 * {@link PriceGeneratorTest}, which checks that the committed file equals this output):
 * {@code java -cp target/classes:target/test-classes io.gradlens.data.PriceGeneratorMain datasets/price.csv}.
 */
public final class PriceGeneratorMain {

    private PriceGeneratorMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PriceGeneratorMain <output.csv>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), PriceGenerator.csv(PriceGenerator.ROWS, PriceGenerator.SEED),
                StandardCharsets.UTF_8);
    }
}

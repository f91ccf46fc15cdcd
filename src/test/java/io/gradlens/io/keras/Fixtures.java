package io.gradlens.io.keras;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates test resources under {@code src/test/resources/keras}. */
final class Fixtures {
    private Fixtures() {}

    static Path resource(String relative) {
        URL url = Fixtures.class.getResource("/keras/" + relative);
        if (url == null) {
            throw new IllegalStateException("missing test resource keras/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path real(String name) {
        return resource("real/" + name);
    }

    static Path generated(String model, String file) {
        return resource("generated/" + model + "/" + file);
    }
}

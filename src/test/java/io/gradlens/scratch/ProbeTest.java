package io.gradlens.scratch;

import io.gradlens.nn.Classifier;
import io.gradlens.nn.Model;
import io.gradlens.workflow.models.ModelOpening;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() throws Exception {
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/keras"))) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".bin") || n.equals("expected.json") || n.endsWith(".md")) continue;
                try {
                    Model m = ModelOpening.open(p, null);
                    String head = m instanceof Classifier c ? c.head() + " " + c.numClasses() : "";
                    System.out.println("PROBE " + p + " -> " + m.kind() + " " + m.describeInput() + " " + head);
                } catch (Exception e) {
                    System.out.println("PROBE " + p + " !! " + e.getClass().getSimpleName() + ": " + e.getMessage().replace('\n', ' '));
                }
            }
        }
    }
}

package io.gradlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The processor a benchmark ran on, from {@code /proc/cpuinfo}: machines "of the same kind" vary
 * (Intel and AMD, with and without AVX-512), so every record names its CPU, as the PyTorch peer's
 * records do.
 *
 * @param model    the first {@code model name} line, or {@code unknown}
 * @param cores    the processors this JVM may use
 * @param avx2     whether the first {@code flags} line lists {@code avx2}
 * @param avx512f  whether it lists {@code avx512f}
 */
public record MachineInfo(String model, int cores, boolean avx2, boolean avx512f) {

    /** The machine this JVM runs on. */
    public static MachineInfo current() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            lines = List.of();
        }
        return parse(lines, Runtime.getRuntime().availableProcessors());
    }

    /** Reads the first {@code model name} and {@code flags} lines of a {@code /proc/cpuinfo} text. */
    static MachineInfo parse(List<String> cpuinfo, int cores) {
        String model = "unknown";
        Set<String> flags = Set.of();
        for (String l : cpuinfo) {
            int colon = l.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = l.substring(0, colon).trim();
            if (key.equals("model name") && model.equals("unknown")) {
                model = l.substring(colon + 1).trim();
            } else if (key.equals("flags") && flags.isEmpty()) {
                flags = Arrays.stream(l.substring(colon + 1).trim().split("\\s+")).collect(Collectors.toSet());
            }
        }
        return new MachineInfo(model, cores, flags.contains("avx2"), flags.contains("avx512f"));
    }

    /** The fields of a record's {@code extra}: {@code cpu_model}, {@code cpu_count}, {@code cpu_avx2}, {@code cpu_avx512f}. */
    public Map<String, Object> extra() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu_model", model);
        m.put("cpu_count", cores);
        m.put("cpu_avx2", avx2);
        m.put("cpu_avx512f", avx512f);
        return m;
    }
}

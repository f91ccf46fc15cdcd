package io.gradlens.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDirectoriesTest {

    private static final Path CHECKOUT = Path.of("/src/gradlens");
    private static final Path CWD = Path.of("/somewhere/else");

    private static UnaryOperator<String> map(Map<String, String> m) {
        return m::get;
    }

    @Test
    void anInstalledAppWinsOverTheCheckoutAndHoldsTheShippedFiles() {
        AppDirectories d = AppDirectories.resolve(map(Map.of("gradlens.app.dir", "/opt/gradlens/lib/app",
                "user.home", "/home/u")), map(Map.of()), CHECKOUT, CWD);
        assertEquals(Path.of("/opt/gradlens/lib/app/datasets"), d.datasets());
        assertEquals(Path.of("/opt/gradlens/lib/app/assets/models"), d.models());
    }

    @Test
    void withoutAnAppFolderTheCheckoutThenTheWorkingDirectoryHoldThem() {
        UnaryOperator<String> props = map(Map.of("user.home", "/home/u"));
        assertEquals(CHECKOUT.resolve("datasets"), AppDirectories.resolve(props, map(Map.of()), CHECKOUT, CWD).datasets());
        assertEquals(CWD.resolve("assets/models"), AppDirectories.resolve(props, map(Map.of()), null, CWD).models());
    }

    @Test
    void propertiesBeatEnvironmentVariablesForDatasetsAndModels() {
        UnaryOperator<String> env = map(Map.of("GRADLENS_DATASETS", "/env/data", "GRADLENS_MODELS", "/env/models"));
        AppDirectories fromEnv = AppDirectories.resolve(map(Map.of("user.home", "/h")), env, CHECKOUT, CWD);
        assertEquals(Path.of("/env/data"), fromEnv.datasets());
        assertEquals(Path.of("/env/models"), fromEnv.models());
        AppDirectories fromProps = AppDirectories.resolve(map(Map.of("user.home", "/h",
                "gradlens.datasets", "/p/data")), env, CHECKOUT, CWD);
        assertEquals(Path.of("/p/data"), fromProps.datasets());
    }

    @Test
    void userFilesFollowXdgWithTheSpecificationsDefaults() {
        AppDirectories defaults = AppDirectories.resolve(map(Map.of("user.home", "/home/u")), map(Map.of()),
                CHECKOUT, CWD);
        assertEquals(Path.of("/home/u/.config/gradlens"), defaults.config());
        assertEquals(Path.of("/home/u/.cache/gradlens"), defaults.cache());
        assertEquals(Path.of("/home/u/.cache/gradlens/logs"), defaults.logs());
        AppDirectories xdg = AppDirectories.resolve(map(Map.of("user.home", "/home/u")),
                map(Map.of("XDG_CONFIG_HOME", "/x/conf", "XDG_CACHE_HOME", "/x/cache")), CHECKOUT, CWD);
        assertEquals(Path.of("/x/conf/gradlens"), xdg.config());
        assertEquals(Path.of("/x/cache/gradlens"), xdg.cache());
    }

    @Test
    void theHomeEnvironmentVariableBeatsJavasUserHome() {
        AppDirectories d = AppDirectories.resolve(map(Map.of("user.home", "/etc-passwd/home")),
                map(Map.of("HOME", "/env/home")), CHECKOUT, CWD);
        assertEquals(Path.of("/env/home"), d.home());
        assertEquals(Path.of("/env/home/.config/gradlens"), d.config());
    }

    @Test
    void aRelativeXdgPathIsIgnoredAndGradlensHomeStillNamesTheConfig() {
        AppDirectories d = AppDirectories.resolve(map(Map.of("user.home", "/home/u", "gradlens.home", "/t/settings")),
                map(Map.of("XDG_CACHE_HOME", "relative/cache")), CHECKOUT, CWD);
        assertEquals(Path.of("/home/u/.cache/gradlens"), d.cache());
        assertEquals(Path.of("/t/settings"), d.config());
    }

    @Test
    void theCheckoutIsFoundFromTheClassesFolderAndNotFromAJar() {
        Path checkout = AppDirectories.checkoutOf(AppDirectoriesTest.class);
        assertNotNull(checkout, "test classes run from target/test-classes");
        assertEquals(true, Files.isDirectory(checkout.resolve("datasets")));
        assertNull(AppDirectories.checkoutOf(org.junit.jupiter.api.Test.class));
    }

    @Test
    void currentFindsTheShippedDatasetsOfThisCheckout() {
        assertEquals(true, Files.isDirectory(AppDirectories.current().datasets()));
    }

    @Test
    void theTestsUseTheBuildFoldersXdgFoldersFromPomXml() {
        AppDirectories d = AppDirectories.current();
        assertEquals(Path.of("target/test-xdg/cache/gradlens").toAbsolutePath(), d.cache().toAbsolutePath());
        assertEquals(Path.of("target/test-xdg/config/gradlens").toAbsolutePath(), d.config().toAbsolutePath());
    }

    @Test
    void toMapNamesEveryFolder(@TempDir Path tmp) {
        AppDirectories d = new AppDirectories(tmp, tmp.resolve("d"), tmp.resolve("m"), tmp.resolve("c"), tmp.resolve("k"),
                tmp);
        assertEquals(java.util.List.of("app", "datasets", "models", "config", "cache", "logs"),
                java.util.List.copyOf(d.toMap().keySet()));
        assertEquals(tmp.resolve("k/logs"), d.toMap().get("logs"));
    }
}

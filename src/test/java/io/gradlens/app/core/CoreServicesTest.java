package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlens.install.AppDirectories;
import org.junit.jupiter.api.Test;

/** Where the workbench's services keep their files. */
class CoreServicesTest {

  @Test
  void influenceIndexesAreCachedInTheXdgCacheFolderNotBesideTheModel() {
    assertEquals(AppDirectories.current().cache().resolve("influence"), CoreServices.influenceCache());
  }
}

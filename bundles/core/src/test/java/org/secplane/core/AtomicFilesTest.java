package org.secplane.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path temp;

    @Test
    void replacesContentAndLeavesNoTemporaryFiles() throws Exception {
        Path target = temp.resolve("deep/er/config.conf");
        AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));

        assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count(), "only the target remains in its directory");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target.getParent())));
    }

    @Test
    void deleteIsIdempotent() throws Exception {
        Path target = temp.resolve("gone");
        AtomicFiles.write(target, new byte[] {1});
        AtomicFiles.delete(target);
        AtomicFiles.delete(target);
        assertFalse(Files.exists(target));
    }

    @Test
    void stateAreaNamesCannotEscapeTheStateDirectory() {
        StateDirectory state = new StateDirectory(temp);
        assertThrows(IllegalArgumentException.class, () -> state.area("../etc"));
        assertThrows(IllegalArgumentException.class, () -> state.area("a/b"));
    }

    @Test
    void stateAreaIsCreatedOwnerOnly() throws Exception {
        Path area = new StateDirectory(temp.resolve("state")).area("pki");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(area)));
    }
}

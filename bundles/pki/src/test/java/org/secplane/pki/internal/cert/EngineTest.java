package org.secplane.pki.internal.cert;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the tests that drive the engine: a fresh {@link CertificateFixture} in a temporary directory per test. */
abstract class EngineTest {

    @TempDir
    Path dir;

    CertificateFixture fixture;
    PkiCertificates engine;

    @BeforeEach
    void openFixture() throws Exception {
        fixture = new CertificateFixture(dir.resolve("state"));
        engine = fixture.engine;
    }

    @AfterEach
    void closeFixture() {
        fixture.close();
    }
}

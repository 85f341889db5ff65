package org.secplane.driver.openssl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secplane.crypto.CryptoException;

class ProbeTest {

    @Test
    void aMissingLibraryIsReportedAsNotFound() {
        OpenSslLibrary.UnavailableException e = assertThrows(OpenSslLibrary.UnavailableException.class,
                () -> OpenSslLibrary.probe(List.of("secplane-none-1", "secplane-none-2")));
        assertEquals("libcrypto not found (tried secplane-none-1, secplane-none-2)", e.getMessage());
    }

    @Test
    void anotherLibraryIsReportedAsNotLibcrypto() {
        OpenSslLibrary.UnavailableException e = assertThrows(OpenSslLibrary.UnavailableException.class,
                () -> OpenSslLibrary.probe(List.of("libm.so.6")));
        assertTrue(e.getMessage().startsWith("libm.so.6 is not libcrypto 3"), e.getMessage());
        assertTrue(e.getMessage().contains("is not libcrypto 3"), e.getMessage());
    }

    @Test
    void aLibcryptoOlderThanThreeIsTooOld() {
        assertEquals("libcrypto too old: OpenSSL 1.1.1w  11 Sep 2023 in libcrypto.so.1.1 (needs OpenSSL 3.0 or later)",
                OpenSslLibrary.versionProblem(0x1010117fL, "OpenSSL 1.1.1w  11 Sep 2023", "libcrypto.so.1.1"));
        assertEquals(null, OpenSslLibrary.versionProblem(0x30000130L, "OpenSSL 3.0.19 27 Jan 2026", "libcrypto.so.3"));
    }

    @Test
    void theNextNameIsTriedWhenOneIsMissing() throws Exception {
        OpenSslLibrary library = OpenSslLibrary.probe(List.of("secplane-none", "libcrypto.so.3"));
        assertTrue(library.versionNumber() >= OpenSslLibrary.MINIMUM_VERSION);
        assertTrue(library.driver().startsWith("libcrypto.so.3 (OpenSSL 3."), library.driver());
        assertSame(library, OpenSslLibrary.probe(List.of("crypto")), "one library context per class loader");
    }

    @Test
    void everyBoundFunctionExistsInThisLibcrypto() throws Exception {
        OpenSslLibrary.probe(List.of("crypto"));
        assertTrue(LibCrypto.functionNames().size() > 80);
    }

    @Test
    void libcryptoErrorsCarryTheErrorQueueText() throws Exception {
        OpenSslLibrary library = OpenSslLibrary.probe(List.of("crypto"));
        assertEquals(0, LibCrypto.EVP_CIPHER_fetch(library.libctx(), "NO-SUCH-CIPHER", null));
        CryptoException e = Errors.failure("EVP_CIPHER_fetch");
        assertTrue(e.getMessage().startsWith("libcrypto EVP_CIPHER_fetch failed: error:"), e.getMessage());
        assertTrue(e.getMessage().contains("unsupported"), e.getMessage());
        assertEquals("no error queued", Errors.drain(), "the queue is emptied");
    }
}

package org.secplane.pki.internal.cert;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Random;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation loop over the file parsers (DESIGN §6: every parser that takes file input is fuzzed):
 * valid PEM, DER, PKCS #7 and key files with bytes flipped, inserted, deleted and truncated must either
 * parse or be refused with a {@link PkiException}; nothing else may escape.
 */
class CertificateFilesFuzzTest {

    private static final int ROUNDS = 3000;

    @Test
    void mutatedFilesParseOrAreRefusedCleanly() throws Exception {
        KeyPair key = TestCertificates.rsa(1024);
        X509Certificate ca = TestCertificates.ca("CN=Fuzz CA,O=example,C=US", key);
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addCertificates(new JcaCertStore(List.of(ca)));
        byte[] pkcs7 = generator.generate(new CMSAbsentContent()).getEncoded();
        List<byte[]> certificateSeeds = List.of(ca.getEncoded(), pkcs7,
                PkiCertificates.pem("CERTIFICATE", ca.getEncoded()).getBytes(StandardCharsets.US_ASCII),
                PkiCertificates.pem("PKCS7", pkcs7).getBytes(StandardCharsets.US_ASCII));
        List<byte[]> keySeeds = List.of(key.getPrivate().getEncoded(),
                PkiCertificates.pem("PRIVATE KEY", key.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII));
        Random random = new Random(20261122L);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] certificateInput = mutate(certificateSeeds.get(round % certificateSeeds.size()), random);
            try {
                CertificateFiles.parse(certificateInput, "fuzz");
            } catch (PkiException refused) {
                // a clear refusal is the expected outcome for most mutations
            } catch (RuntimeException e) {
                fail("certificate round " + round + ": " + e, e);
            }
            byte[] keyInput = mutate(keySeeds.get(round % keySeeds.size()), random);
            try {
                PrivateKeyFiles.parse(keyInput, "fuzz");
            } catch (PkiException refused) {
                // expected
            } catch (RuntimeException e) {
                fail("key round " + round + ": " + e, e);
            }
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] data = seed.clone();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            int at = random.nextInt(Math.max(1, data.length));
            switch (random.nextInt(4)) {
                case 0:
                    data[at] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1:
                    data = java.util.Arrays.copyOf(data, at);
                    break;
                case 2:
                    byte[] inserted = new byte[data.length + 1];
                    System.arraycopy(data, 0, inserted, 0, at);
                    inserted[at] = (byte) random.nextInt(256);
                    System.arraycopy(data, at, inserted, at + 1, data.length - at);
                    data = inserted;
                    break;
                default:
                    if (data.length > 1) {
                        byte[] removed = new byte[data.length - 1];
                        System.arraycopy(data, 0, removed, 0, at);
                        System.arraycopy(data, at + 1, removed, at, data.length - at - 1);
                        data = removed;
                    }
                    break;
            }
            if (data.length == 0) {
                break;
            }
        }
        return data;
    }
}

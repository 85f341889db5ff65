package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.secplane.keystore.PkiObjectStore;
import org.secplane.keystore.internal.FileObjectStore;

/**
 * The key store in the real distribution, driven as scripts drive it ({@code printf … | bin/client -b}):
 * key pairs generated with the guide's messages and errors, found again after a restart, nowhere in the
 * state directory in clear (PEM, DER, PKCS#8, raw), and a tampered or swapped file named by
 * {@code request security pki verify-integrity-status}.
 */
public class KeyStoreIT {

    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("it-rsa", "request security pki generate-key-pair certificate-id it-rsa");
        KEYS.put("it-rsa2048", "request security pki generate-key-pair type rsa size 2048 certificate-id it-rsa2048");
        KEYS.put("it-dsa", "request security pki generate-key-pair certificate-id it-dsa type dsa");
        KEYS.put("it-ec", "request security pki generate-key-pair certificate-id it-ec type ecdsa");
        KEYS.put("it-ec384", "request security pki generate-key-pair certificate-id it-ec384 size 384 type ecdsa");
    }

    private static RunningDistribution distribution;

    @BeforeClass
    public static void startDistribution() throws Exception {
        distribution = RunningDistribution.start(Paths.get("target/dist-keystore"), Map.of());
    }

    @AfterClass
    public static void stopDistribution() throws Exception {
        if (distribution != null) {
            distribution.close();
        }
    }

    private static String run(String lines) throws Exception {
        return distribution.batch(lines);
    }

    private static Path pki() {
        return distribution.home().resolve("state/pki");
    }

    @Test
    public void keyPairsAreGeneratedKeptEncryptedFoundAfterARestartAndTamperingIsNamed() throws Exception {
        String generated = run(String.join("\n", KEYS.values()) + "\n");
        assertTrue(generated, generated.contains("Generated key pair it-rsa, key size 1024 bits"));
        assertTrue(generated, generated.contains("Generated key pair it-rsa2048, key size 2048 bits"));
        assertTrue(generated, generated.contains("Generated key pair it-dsa, key size 1024 bits"));
        assertTrue(generated, generated.contains("Generated key pair it-ec, key size 256 bits"));
        assertTrue(generated, generated.contains("Generated key pair it-ec384, key size 384 bits"));
        assertFalse(generated, generated.contains("error"));

        String errors = run("request security pki generate-key-pair certificate-id it-rsa\n"
                + "request security pki generate-key-pair certificate-id x size 1000\n"
                + "request security pki generate-key-pair certificate-id x type ecdsa size 1024\n"
                + "clear security pki key-pair certificate-id nope\n");
        assertTrue(errors, errors.contains("error: key pair it-rsa already exists; clear it first with "
                + "'clear security pki key-pair certificate-id it-rsa'"));
        assertTrue(errors, errors.contains("error: 'size': invalid value '1000', expecting one of (256 | 384 | 512 | 1024 | 2048 | 4096)"));
        assertTrue(errors, errors.contains("error: size 1024 is not valid for type ecdsa; ECDSA key sizes: 256, 384"));
        assertTrue(errors, errors.contains("error: key pair nope does not exist"));

        String help = run("request security pki ?\n");
        assertTrue(help, help.contains("generate-key-pair") && help.contains("verify-integrity-status"));

        assertEquals("All PKI objects: verification success", run("request security pki verify-integrity-status\n").trim());

        distribution.close();
        distribution.restart();

        String json = run("request security pki verify-integrity-status | display json\n");
        for (String id : KEYS.keySet()) {
            assertTrue(json, json.contains("\"key-pair " + id + "\""));
        }
        assertTrue(json, json.contains("\"status\": \"success\""));
        String again = run("request security pki generate-key-pair certificate-id it-ec384 type ecdsa size 384\n");
        assertTrue("the key pair is found again after the restart: " + again, again.contains("already exists"));
        String cleared = run("clear security pki key-pair certificate-id it-rsa2048\n");
        assertFalse(cleared, cleared.contains("error"));
        assertFalse(Files.exists(pki().resolve("key-pair/it-rsa2048")));

        distribution.close();
        noPrivateKeyInClearAnywhere();
        distribution.restart();

        Path ec = pki().resolve("key-pair/it-ec");
        byte[] content = Files.readAllBytes(ec);
        content[content.length / 2] ^= 0x10;
        Files.write(ec, content);
        Path dsa = pki().resolve("key-pair/it-dsa");
        Path ec384 = pki().resolve("key-pair/it-ec384");
        Path swap = pki().resolve("swap.tmp");
        Files.move(dsa, swap);
        Files.move(ec384, dsa);
        Files.move(swap, ec384);
        String verified = run("request security pki verify-integrity-status\n");
        assertTrue(verified, verified.contains("key-pair it-ec: verification failed: modified: the content does not match its MAC ("
                + ec.toRealPath() + ")"));
        assertTrue(verified, verified.contains("key-pair it-dsa: verification failed: swapped: the file holds key-pair it-ec384"));
        assertTrue(verified, verified.contains("key-pair it-ec384: verification failed: swapped: the file holds key-pair it-dsa"));
        // six objects: four key pairs, and the system-generated certificate with its key pair
        assertTrue(verified, verified.contains("error: PKI objects: verification failed: 3 of 6 objects failed"));
        assertFalse(verified, verified.contains("key-pair it-rsa:"));

        Files.delete(pki().resolve("key-pair/it-rsa"));
        String missing = run("request security pki verify-integrity-status\n");
        assertTrue(missing, missing.contains("key-pair it-rsa: verification failed: missing"));

        String clearAll = run("clear security pki key-pair all\nrequest security pki verify-integrity-status\n");
        assertTrue(clearAll, clearAll.contains("All PKI objects: verification success"));
    }

    /** Learns each private key from the stopped distribution's own store, then greps every file for it. */
    private static void noPrivateKeyInClearAnywhere() throws Exception {
        Map<String, byte[]> privateKeys = new LinkedHashMap<>();
        try (FileObjectStore store = FileObjectStore.open(pki(), new SecureRandom(), warning -> { })) {
            for (String id : store.names(PkiObjectStore.KEY_PAIR)) {
                privateKeys.put(id, store.withSecret(PkiObjectStore.KEY_PAIR, id, byte[]::clone));
            }
        }
        // system-generated: the key pair of the certificate the PKI makes at first start (pki.md §7 item 21)
        assertEquals(List.of("it-dsa", "it-ec", "it-ec384", "it-rsa", "system-generated"), new ArrayList<>(privateKeys.keySet()));
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(distribution.home().resolve("state")),
                Files.walk(distribution.home().resolve("data/log")))) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        assertTrue(files.toString(), files.contains(pki().resolve("key-pair/it-ec")));
        for (Map.Entry<String, byte[]> key : privateKeys.entrySet()) {
            List<byte[]> needles = clearForms(key.getValue());
            for (Path file : files) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] needle : needles) {
                    assertEquals(key.getKey() + ": private key material in clear (" + needle.length + " bytes) in " + file, -1,
                            indexOf(content, needle));
                }
            }
        }
    }

    /** PKCS #8 DER, its base64 (each PEM line), the raw private values (big-endian and hex). */
    private static List<byte[]> clearForms(byte[] pkcs8) throws Exception {
        List<byte[]> needles = new ArrayList<>();
        needles.add(pkcs8);
        String base64 = Base64.getEncoder().encodeToString(pkcs8);
        for (int i = 0; i + 64 <= base64.length(); i += 64) {
            needles.add(base64.substring(i, i + 64).getBytes(StandardCharsets.US_ASCII));
        }
        PrivateKey key = null;
        for (String algorithm : List.of("RSA", "EC", "DSA")) {
            try {
                key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                break;
            } catch (java.security.spec.InvalidKeySpecException wrongType) {
                // next
            }
        }
        List<BigInteger> secrets = new ArrayList<>();
        if (key instanceof RSAPrivateCrtKey) {
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            secrets.addAll(List.of(rsa.getPrivateExponent(), rsa.getPrimeP(), rsa.getPrimeQ()));
        } else if (key instanceof DSAPrivateKey) {
            secrets.add(((DSAPrivateKey) key).getX());
        } else {
            secrets.add(((ECPrivateKey) key).getS());
        }
        for (BigInteger secret : secrets) {
            byte[] raw = secret.toByteArray();
            byte[] magnitude = raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
            needles.add(Arrays.copyOf(magnitude, Math.min(magnitude.length, 20)));
            needles.add(secret.toString(16).substring(0, 32).getBytes(StandardCharsets.US_ASCII));
        }
        return needles;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

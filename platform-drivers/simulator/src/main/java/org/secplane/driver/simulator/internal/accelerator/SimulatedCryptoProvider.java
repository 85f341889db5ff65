package org.secplane.driver.simulator.internal.accelerator;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Hash;
import org.secplane.crypto.Mac;
import org.secplane.crypto.Prf;
import org.secplane.crypto.Signer;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * The crypto side of a simulated accelerator: the algorithms its data file claims, computed by the JDK
 * (so results are right), except those the file lists as failing their known-answer tests, whose results
 * it corrupts by one bit as a hardware erratum would. The registry's known-answer tests therefore offer
 * the good ones and reject the erratum. Being a simulator it favours plainness over speed: it creates a
 * JCA object per operation. Counts operations, for status output.
 */
public final class SimulatedCryptoProvider implements CryptoProvider {

    private final AcceleratorSpec spec;
    private final SecureRandom random;
    private final AtomicLong operations = new AtomicLong();

    public SimulatedCryptoProvider(AcceleratorSpec spec) {
        this.spec = spec;
        try {
            this.random = SecureRandom.getInstance("DRBG", "SUN");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("the JDK's DRBG is not available", e);
        }
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String driver() {
        return "simulated " + spec.model() + " (JDK " + Runtime.version().feature() + " backed, " + spec.source() + ")";
    }

    @Override
    public Set<Algorithm> algorithms() {
        return spec.algorithms();
    }

    /** Operations done (objects created and one-shot calls), for status output. */
    public long operations() {
        return operations.get();
    }

    @Override
    public Cipher cipher(Algorithm algorithm, byte[] key) {
        claim(algorithm, AlgorithmType.CIPHER);
        return new JdkCipher(algorithm, key, broken(algorithm));
    }

    @Override
    public Aead aead(Algorithm algorithm, byte[] keyAndSalt) {
        claim(algorithm, AlgorithmType.AEAD);
        return new JdkAead(algorithm, keyAndSalt, broken(algorithm));
    }

    @Override
    public Mac mac(Algorithm algorithm, byte[] key) {
        claim(algorithm, AlgorithmType.INTEGRITY);
        return new JdkMac(algorithm, key, broken(algorithm));
    }

    @Override
    public Prf prf(Algorithm algorithm) {
        claim(algorithm, AlgorithmType.PRF);
        boolean broken = broken(algorithm);
        return new Prf() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public byte[] compute(byte[] key, byte[]... data) {
                operations.incrementAndGet();
                try {
                    javax.crypto.Mac mac = javax.crypto.Mac.getInstance(JdkMac.jcaName(algorithm));
                    mac.init(new SecretKeySpec(key, mac.getAlgorithm()));
                    for (byte[] part : data) {
                        mac.update(part);
                    }
                    return corrupt(mac.doFinal(), broken);
                } catch (GeneralSecurityException e) {
                    throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public Hash hash(Algorithm algorithm) {
        claim(algorithm, AlgorithmType.HASH);
        boolean broken = broken(algorithm);
        String jca;
        switch (algorithm) {
            case MD5: jca = "MD5"; break;
            case SHA1: jca = "SHA-1"; break;
            case SHA2_256: jca = "SHA-256"; break;
            case SHA2_384: jca = "SHA-384"; break;
            default: jca = "SHA-512";
        }
        return new Hash() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public byte[] digest(byte[]... parts) {
                operations.incrementAndGet();
                try {
                    MessageDigest digest = MessageDigest.getInstance(jca);
                    for (byte[] part : parts) {
                        digest.update(part);
                    }
                    return corrupt(digest.digest(), broken);
                } catch (GeneralSecurityException e) {
                    throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public ProviderKeyExchange keyExchange(Algorithm algorithm) {
        throw new CryptoException(spec.name() + ": key exchanges are not simulated");
    }

    @Override
    public ProviderKeyExchange keyExchange(Algorithm algorithm, byte[] privateValue) {
        throw new CryptoException(spec.name() + ": key exchanges are not simulated");
    }

    @Override
    public Signer signer(Algorithm algorithm, PrivateKey key) {
        claim(algorithm, AlgorithmType.SIGNATURE);
        boolean broken = broken(algorithm);
        return new Signer() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public byte[] sign(byte[] data) {
                operations.incrementAndGet();
                try {
                    Signature signature = signature(algorithm);
                    signature.initSign(key, random);
                    signature.update(algorithm == Algorithm.DSA_SHA1 ? MessageDigest.getInstance("SHA-1").digest(data) : data);
                    return corrupt(signature.sign(), broken);
                } catch (GeneralSecurityException e) {
                    throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signatureBytes) {
        claim(algorithm, AlgorithmType.SIGNATURE);
        operations.incrementAndGet();
        try {
            Signature signature = signature(algorithm);
            signature.initVerify(key);
            signature.update(algorithm == Algorithm.DSA_SHA1 ? MessageDigest.getInstance("SHA-1").digest(data) : data);
            boolean valid = signature.verify(signatureBytes);
            return broken(algorithm) != valid;
        } catch (SignatureException | IllegalArgumentException e) {
            return false; // a malformed signature is a bad signature
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void random(byte[] bytes) {
        claim(Algorithm.RANDOM, AlgorithmType.RANDOM);
        operations.incrementAndGet();
        if (broken(Algorithm.RANDOM)) {
            Arrays.fill(bytes, (byte) 0x5a); // a stuck generator
            return;
        }
        random.nextBytes(bytes);
    }

    private static Signature signature(Algorithm algorithm) throws GeneralSecurityException {
        switch (algorithm) {
            case RSA_PKCS1_SHA1: return Signature.getInstance("SHA1withRSA");
            case RSA_PKCS1_SHA256: return Signature.getInstance("SHA256withRSA");
            case RSA_PKCS1_SHA384: return Signature.getInstance("SHA384withRSA");
            case RSA_PKCS1_SHA512: return Signature.getInstance("SHA512withRSA");
            case RSA_PSS_SHA256: return pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
            case RSA_PSS_SHA384: return pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
            case RSA_PSS_SHA512: return pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
            case DSA_SHA1: return Signature.getInstance("NONEwithDSA");
            case DSA_SHA256: return Signature.getInstance("SHA256withDSA");
            case ECDSA_P256_SHA256: return Signature.getInstance("SHA256withECDSA");
            case ECDSA_P384_SHA384: return Signature.getInstance("SHA384withECDSA");
            default: throw new IllegalArgumentException(algorithm.label() + " is not a signature algorithm");
        }
    }

    private static Signature pss(String hash, MGF1ParameterSpec mgf, int salt) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec(hash, "MGF1", mgf, salt, PSSParameterSpec.TRAILER_FIELD_BC));
        return signature;
    }

    private void claim(Algorithm algorithm, AlgorithmType type) {
        if (algorithm.type() != type || !spec.algorithms().contains(algorithm)) {
            throw new CryptoException(spec.name() + " does not offer " + algorithm.label() + " as " + type);
        }
    }

    private boolean broken(Algorithm algorithm) {
        return spec.failing().contains(algorithm);
    }

    static byte[] corrupt(byte[] result, boolean broken) {
        if (broken && result.length > 0) {
            result[result.length - 1] ^= 1;
        }
        return result;
    }

    /** AES/DES/3DES-CBC and AES-CTR (RFC 3686). */
    private final class JdkCipher implements Cipher {
        private final Algorithm algorithm;
        private final boolean broken;
        private byte[] key;
        private final byte[] nonce = new byte[4];

        JdkCipher(Algorithm algorithm, byte[] key, boolean broken) {
            this.algorithm = algorithm;
            this.broken = broken;
            int expected = algorithm.keySize() + algorithm.saltSize();
            if (key.length != expected) {
                throw new CryptoException(algorithm.label() + ": key of " + key.length + " bytes, expected " + expected);
            }
            this.key = Arrays.copyOf(key, algorithm.keySize());
            System.arraycopy(key, algorithm.keySize(), nonce, 0, algorithm.saltSize());
            operations.incrementAndGet();
        }

        @Override
        public Algorithm algorithm() {
            return algorithm;
        }

        @Override
        public void encrypt(byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            run(javax.crypto.Cipher.ENCRYPT_MODE, iv, ivOffset, in, inOffset, length, out, outOffset);
            if (broken && length > 0) {
                out[outOffset + length - 1] ^= 1;
            }
        }

        @Override
        public void decrypt(byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            run(javax.crypto.Cipher.DECRYPT_MODE, iv, ivOffset, in, inOffset, length, out, outOffset);
        }

        private void run(int mode, byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            if (key == null) {
                throw new IllegalStateException(algorithm.label() + " cipher is closed");
            }
            boolean ctr = algorithm.saltSize() > 0;
            if (!ctr && length % algorithm.blockSize() != 0) {
                throw new CryptoException(algorithm.label() + ": " + length + " bytes is not a multiple of the block size");
            }
            try {
                byte[] input = Arrays.copyOfRange(in, inOffset, inOffset + length);
                javax.crypto.Cipher cipher;
                if (ctr) {
                    byte[] counter = new byte[16];
                    System.arraycopy(nonce, 0, counter, 0, 4);
                    System.arraycopy(iv, ivOffset, counter, 4, 8);
                    counter[15] = 1;
                    cipher = javax.crypto.Cipher.getInstance("AES/CTR/NoPadding");
                    cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
                } else {
                    String family = algorithm == Algorithm.DES_CBC ? "DES" : algorithm == Algorithm.TDES_CBC ? "DESede" : "AES";
                    cipher = javax.crypto.Cipher.getInstance(family + "/CBC/NoPadding");
                    cipher.init(mode, new SecretKeySpec(key, family),
                            new IvParameterSpec(Arrays.copyOfRange(iv, ivOffset, ivOffset + algorithm.blockSize())));
                }
                byte[] output = cipher.doFinal(input);
                System.arraycopy(output, 0, out, outOffset, length);
            } catch (GeneralSecurityException e) {
                throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
                Arrays.fill(nonce, (byte) 0);
                key = null;
            }
        }
    }

    /** AES-GCM (RFC 4106, any ICV length) and ChaCha20-Poly1305 (RFC 7634). */
    private final class JdkAead implements Aead {
        private final Algorithm algorithm;
        private final boolean broken;
        private final int icv;
        private byte[] key;
        private final byte[] salt = new byte[4];

        JdkAead(Algorithm algorithm, byte[] keyAndSalt, boolean broken) {
            this.algorithm = algorithm;
            this.broken = broken;
            this.icv = algorithm.outputSize();
            if (keyAndSalt.length != algorithm.keySize() + 4) {
                throw new CryptoException(algorithm.label() + ": key and salt of " + keyAndSalt.length + " bytes, expected "
                        + (algorithm.keySize() + 4));
            }
            this.key = Arrays.copyOf(keyAndSalt, algorithm.keySize());
            System.arraycopy(keyAndSalt, algorithm.keySize(), salt, 0, 4);
            operations.incrementAndGet();
        }

        @Override
        public Algorithm algorithm() {
            return algorithm;
        }

        @Override
        public int seal(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int length,
                byte[] out, int outOffset) {
            checkOpen();
            try {
                byte[] sealed = sealFull(nonce(iv, ivOffset), Arrays.copyOfRange(aad, aadOffset, aadOffset + aadLength),
                        Arrays.copyOfRange(in, inOffset, inOffset + length));
                System.arraycopy(sealed, 0, out, outOffset, length + icv); // the ICV is the tag's leading bytes
                if (broken) {
                    out[outOffset + length + icv - 1] ^= 1;
                }
                return length + icv;
            } catch (GeneralSecurityException e) {
                throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public int open(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int length,
                byte[] out, int outOffset) {
            checkOpen();
            int plainLength = length - icv;
            if (plainLength < 0) {
                return -1;
            }
            try {
                byte[] nonce = nonce(iv, ivOffset);
                byte[] aadCopy = Arrays.copyOfRange(aad, aadOffset, aadOffset + aadLength);
                byte[] received = Arrays.copyOfRange(in, inOffset, inOffset + length);
                byte[] plain;
                if (algorithm == Algorithm.CHACHA20_POLY1305) {
                    javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("ChaCha20-Poly1305");
                    cipher.init(javax.crypto.Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
                    cipher.updateAAD(aadCopy);
                    try {
                        plain = cipher.doFinal(received);
                    } catch (AEADBadTagException e) {
                        return -1;
                    }
                } else {
                    // GCM with a truncated tag: decrypt with CTR from counter 2, then recompute the tag
                    byte[] counter = new byte[16];
                    System.arraycopy(nonce, 0, counter, 0, 12);
                    counter[15] = 2;
                    javax.crypto.Cipher ctr = javax.crypto.Cipher.getInstance("AES/CTR/NoPadding");
                    ctr.init(javax.crypto.Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
                    plain = ctr.doFinal(received, 0, plainLength);
                    byte[] resealed = sealFull(nonce, aadCopy, plain);
                    if (!MessageDigest.isEqual(Arrays.copyOfRange(resealed, plainLength, plainLength + icv),
                            Arrays.copyOfRange(received, plainLength, length))) {
                        Arrays.fill(plain, (byte) 0);
                        return -1;
                    }
                }
                System.arraycopy(plain, 0, out, outOffset, plainLength);
                Arrays.fill(plain, (byte) 0);
                return plainLength;
            } catch (GeneralSecurityException e) {
                throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
            }
        }

        /** Ciphertext followed by the full 16-byte tag. */
        private byte[] sealFull(byte[] nonce, byte[] aad, byte[] plain) throws GeneralSecurityException {
            javax.crypto.Cipher cipher;
            if (algorithm == Algorithm.CHACHA20_POLY1305) {
                cipher = javax.crypto.Cipher.getInstance("ChaCha20-Poly1305");
                cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
            } else {
                cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            }
            cipher.updateAAD(aad);
            return cipher.doFinal(plain);
        }

        private byte[] nonce(byte[] iv, int ivOffset) {
            byte[] nonce = new byte[12];
            System.arraycopy(salt, 0, nonce, 0, 4);
            System.arraycopy(iv, ivOffset, nonce, 4, 8);
            return nonce;
        }

        private void checkOpen() {
            if (key == null) {
                throw new IllegalStateException(algorithm.label() + " is closed");
            }
        }

        @Override
        public void close() {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
                Arrays.fill(salt, (byte) 0);
                key = null;
            }
        }
    }

    /** Truncated HMAC (ESP/AH and IKE integrity). */
    private final class JdkMac implements Mac {
        private final Algorithm algorithm;
        private final boolean broken;
        private final javax.crypto.Mac mac;

        JdkMac(Algorithm algorithm, byte[] key, boolean broken) {
            this.algorithm = algorithm;
            this.broken = broken;
            try {
                mac = javax.crypto.Mac.getInstance(jcaName(algorithm));
                mac.init(new SecretKeySpec(key, mac.getAlgorithm()));
            } catch (GeneralSecurityException e) {
                throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
            }
            operations.incrementAndGet();
        }

        static String jcaName(Algorithm algorithm) {
            switch (algorithm) {
                case HMAC_MD5_96:
                case PRF_HMAC_MD5:
                    return "HmacMD5";
                case HMAC_SHA1_96:
                case PRF_HMAC_SHA1:
                    return "HmacSHA1";
                case HMAC_SHA2_256_128:
                case PRF_HMAC_SHA2_256:
                    return "HmacSHA256";
                case HMAC_SHA2_384_192:
                case PRF_HMAC_SHA2_384:
                    return "HmacSHA384";
                default:
                    return "HmacSHA512";
            }
        }

        @Override
        public Algorithm algorithm() {
            return algorithm;
        }

        @Override
        public void update(byte[] in, int offset, int length) {
            mac.update(in, offset, length);
        }

        @Override
        public void finish(byte[] out, int offset) {
            byte[] full = corrupt(Arrays.copyOf(mac.doFinal(), algorithm.outputSize()), broken);
            System.arraycopy(full, 0, out, offset, full.length);
        }

        @Override
        public boolean verify(byte[] expected, int offset) {
            byte[] full = corrupt(Arrays.copyOf(mac.doFinal(), algorithm.outputSize()), broken);
            return MessageDigest.isEqual(full, Arrays.copyOfRange(expected, offset, offset + full.length));
        }

        @Override
        public void close() {
            mac.reset();
        }
    }
}

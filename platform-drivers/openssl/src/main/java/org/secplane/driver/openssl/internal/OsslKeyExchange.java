package org.secplane.driver.openssl.internal;

import java.lang.ref.Cleaner;
import java.math.BigInteger;
import java.util.Arrays;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.spi.ModpGroup;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * One Diffie-Hellman exchange on an {@code EVP_PKEY}: MODP with explicit group parameters and an
 * explicit private exponent length, ECP on the NIST curves, X25519. Public values and secrets use
 * the IKE encodings of {@link org.secplane.crypto.KeyExchange}; peer values are checked before use.
 */
abstract class OsslKeyExchange implements ProviderKeyExchange {

    /** {@code EVP_PKEY_fromdata} selections. */
    static final int KEY_PARAMETERS = 0x84;
    static final int PUBLIC_KEY = 0x86;
    static final int KEYPAIR = 0x87;

    final OpenSslLibrary library;
    final Algorithm algorithm;
    private final KeyState state;
    private final Cleaner.Cleanable cleanable;
    private byte[] publicValue;

    static final class KeyState implements Runnable {
        volatile long pkey;

        @Override
        public void run() {
            long key = pkey;
            pkey = 0;
            if (key != 0) {
                LibCrypto.EVP_PKEY_free(key);
            }
        }
    }

    OsslKeyExchange(OpenSslLibrary library, Algorithm algorithm) {
        this.library = library;
        this.algorithm = algorithm;
        this.state = new KeyState();
        this.cleanable = NativeResources.CLEANER.register(this, state);
    }

    /** Sets the key made by a subclass constructor (generated or imported); frees everything if it failed. */
    final void init(java.util.function.LongSupplier key) {
        try {
            state.pkey = key.getAsLong();
            publicValue = readPublicValue(state.pkey);
        } catch (RuntimeException e) {
            cleanable.clean();
            throw e;
        }
    }

    final long pkey() {
        long key = state.pkey;
        if (key == 0) {
            throw new IllegalStateException(algorithm.label() + " exchange is closed");
        }
        return key;
    }

    abstract byte[] readPublicValue(long pkey);

    /** The peer's key from its IKE public value; throws {@link CryptoException} if invalid. */
    abstract long importPeer(byte[] peerPublicValue);

    /** Parameters for the derive context (MODP: pad), or null. */
    Params deriveParams() {
        return null;
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] publicValue() {
        pkey();
        return publicValue.clone();
    }

    @Override
    public byte[] sharedSecret(byte[] peerPublicValue) {
        long own = pkey();
        if (peerPublicValue == null || peerPublicValue.length != algorithm.publicValueSize()) {
            throw new CryptoException("invalid " + algorithm.label() + " peer public value: "
                    + (peerPublicValue == null ? "none" : peerPublicValue.length + " bytes") + ", expected "
                    + algorithm.publicValueSize());
        }
        long peer = importPeer(peerPublicValue);
        int size = algorithm.outputSize();
        long ctx = 0;
        try (NativeScratch scratch = new NativeScratch(16 + size); Params params = deriveParams()) {
            ctx = Errors.check(LibCrypto.EVP_PKEY_CTX_new_from_pkey(library.libctx(), own, null),
                    "EVP_PKEY_CTX_new_from_pkey");
            Errors.check(LibCrypto.EVP_PKEY_derive_init(ctx), "EVP_PKEY_derive_init");
            if (params != null) {
                Errors.check(LibCrypto.EVP_PKEY_CTX_set_params(ctx, params.address()), "EVP_PKEY_CTX_set_params");
            }
            // the peer was validated when imported; a full check here would add a scalar multiplication
            Errors.check(LibCrypto.EVP_PKEY_derive_set_peer_ex(ctx, peer, 0), "EVP_PKEY_derive_set_peer");
            scratch.setLong(0, size);
            if (LibCrypto.EVP_PKEY_derive(ctx, scratch.at(16), scratch.at(0)) != 1) {
                throw Errors.failure("invalid " + algorithm.label() + " peer public value", "no shared secret");
            }
            long written = scratch.getLong(0);
            if (written != size) {
                throw new CryptoException(algorithm.label() + ": shared secret of " + written + " bytes, expected "
                        + size);
            }
            byte[] secret = scratch.get(16, size);
            if (isZero(secret)) {
                throw new CryptoException("invalid " + algorithm.label() + " peer public value: all-zero shared secret");
            }
            return secret;
        } finally {
            if (ctx != 0) {
                LibCrypto.EVP_PKEY_CTX_free(ctx);
            }
            LibCrypto.EVP_PKEY_free(peer);
        }
    }

    static boolean isZero(byte[] bytes) {
        int or = 0;
        for (byte b : bytes) {
            or |= b;
        }
        return or == 0;
    }

    @Override
    public void close() {
        cleanable.clean();
    }

    // ---- helpers shared by the groups

    /** Makes a key from {@code params} with {@code EVP_PKEY_fromdata}; returns 0 (errors cleared) if rejected. */
    final long fromData(String type, int selection, Params params) {
        long ctx = Errors.check(LibCrypto.EVP_PKEY_CTX_new_from_name(library.libctx(), type, null),
                "EVP_PKEY_CTX_new_from_name(" + type + ")");
        try (NativeScratch out = new NativeScratch(8)) {
            Errors.check(LibCrypto.EVP_PKEY_fromdata_init(ctx), "EVP_PKEY_fromdata_init");
            if (LibCrypto.EVP_PKEY_fromdata(ctx, out.at(0), selection, params.address()) != 1) {
                return 0;
            }
            return out.getLong(0);
        } finally {
            LibCrypto.EVP_PKEY_CTX_free(ctx);
        }
    }

    /**
     * Generates a key on a keygen context borrowed from the library's pool {@code pool}, made by
     * {@code maker} when the pool is empty.
     */
    final long generate(String pool, java.util.function.LongSupplier maker) {
        long ctx = library.borrowKeygenContext(pool, maker);
        boolean reusable = false;
        try (NativeScratch out = new NativeScratch(8)) {
            Errors.check(LibCrypto.EVP_PKEY_generate(ctx, out.at(0)), "EVP_PKEY_generate (" + algorithm.label() + ")");
            reusable = true;
            return out.getLong(0);
        } finally {
            if (reusable) {
                library.returnKeygenContext(pool, ctx);
            } else {
                LibCrypto.EVP_PKEY_CTX_free(ctx);
            }
        }
    }

    /** A keygen context from {@code template} (a key or parameters) or, if 0, from {@code type}. */
    final long newKeygenContext(String type, long template, Params params) {
        long ctx = template != 0 ? LibCrypto.EVP_PKEY_CTX_new_from_pkey(library.libctx(), template, null)
                : LibCrypto.EVP_PKEY_CTX_new_from_name(library.libctx(), type, null);
        Errors.check(ctx, "EVP_PKEY_CTX_new (" + type + ")");
        if (LibCrypto.EVP_PKEY_keygen_init(ctx) != 1
                || params != null && LibCrypto.EVP_PKEY_CTX_set_params(ctx, params.address()) != 1) {
            LibCrypto.EVP_PKEY_CTX_free(ctx);
            throw Errors.failure("EVP_PKEY_keygen_init (" + algorithm.label() + ")");
        }
        return ctx;
    }

    /**
     * The peer's key: a new key with our key's parameters (group, or prime and generator) and the
     * peer's encoded public value. Copying the parameters costs about half of building the group again
     * ({@code EVP_PKEY_fromdata} with a curve name: 16 µs against 8 µs for P-256). Libcrypto checks
     * that an EC point is on the curve here. Returns 0 (errors kept) if it is refused.
     */
    final long peerWithOurParameters(byte[] encoded) {
        long peer = Errors.check(LibCrypto.EVP_PKEY_new(), "EVP_PKEY_new");
        try (NativeScratch scratch = new NativeScratch(encoded.length)) {
            scratch.put(0, encoded);
            if (LibCrypto.EVP_PKEY_copy_parameters(peer, pkey()) != 1
                    || LibCrypto.EVP_PKEY_set1_encoded_public_key(peer, scratch.at(0), encoded.length) != 1) {
                LibCrypto.EVP_PKEY_free(peer);
                return 0;
            }
            return peer;
        }
    }

    /** A big-number parameter of {@code pkey}, big-endian in {@code length} bytes (0: minimal). */
    static byte[] bigNumberParam(long pkey, String name, int length) {
        try (NativeScratch scratch = new NativeScratch(8 + Math.max(length, 1024))) {
            Errors.check(LibCrypto.EVP_PKEY_get_bn_param(pkey, name, scratch.at(0)), "EVP_PKEY_get_bn_param(" + name + ")");
            long bn = scratch.getLong(0);
            try {
                int size = length > 0 ? length : Math.max(1, (LibCrypto.BN_num_bits(bn) + 7) / 8);
                if (LibCrypto.BN_bn2binpad(bn, scratch.at(8), size) != size) {
                    throw Errors.failure("BN_bn2binpad(" + name + ")");
                }
                return scratch.get(8, size);
            } finally {
                LibCrypto.BN_clear_free(bn);
            }
        }
    }

    // ---- MODP

    static final class Modp extends OsslKeyExchange {
        private final ModpGroup group;
        private final byte[] primeBytes;
        private static final byte[] TWO = {2};

        Modp(OpenSslLibrary library, Algorithm algorithm, byte[] privateValue) {
            super(library, algorithm);
            this.group = ModpGroup.of(algorithm);
            this.primeBytes = group.encode(group.prime());
            init(() -> privateValue == null ? generateKey() : importKey(privateValue));
        }

        private long generateKey() {
            String name = "DH-" + algorithm.label();
            long domain = library.keyTemplate(name, () -> {
                try (Params params = Params.builder().bigNumber("p", primeBytes).bigNumber("g", TWO)
                        .integer("priv_len", group.exponentBits()).build()) {
                    long made = fromData("DH", KEY_PARAMETERS, params);
                    if (made == 0) {
                        throw Errors.failure("EVP_PKEY_fromdata (" + algorithm.label() + " parameters)");
                    }
                    return made;
                }
            });
            return generate(name, () -> {
                try (Params length = Params.builder().integer("priv_len", group.exponentBits()).build()) {
                    return newKeygenContext("DH", domain, length);
                }
            });
        }

        private long importKey(byte[] privateValue) {
            BigInteger x = new BigInteger(1, privateValue);
            if (x.compareTo(BigInteger.ONE) <= 0 || x.compareTo(group.prime().subtract(BigInteger.ONE)) >= 0) {
                throw new CryptoException("invalid " + algorithm.label() + " private value");
            }
            byte[] publicBytes = modExp(privateValue);
            try (Params params = Params.builder().bigNumber("p", primeBytes).bigNumber("g", TWO)
                    .bigNumber("priv", privateValue).bigNumber("pub", publicBytes).build()) {
                long key = fromData("DH", KEYPAIR, params);
                if (key == 0) {
                    throw Errors.failure("EVP_PKEY_fromdata (" + algorithm.label() + " key)");
                }
                return key;
            }
        }

        /** 2^x mod p, constant time in x, padded to the prime's length. */
        private byte[] modExp(byte[] exponent) {
            int length = group.length();
            long p = 0;
            long g = 0;
            long x = 0;
            long result = 0;
            long ctx = 0;
            try (NativeScratch scratch = new NativeScratch(2L * length + exponent.length + 16)) {
                scratch.put(0, primeBytes);
                scratch.put(length, TWO);
                scratch.put(length + 8, exponent);
                p = Errors.check(LibCrypto.BN_bin2bn(scratch.at(0), length, 0), "BN_bin2bn");
                g = Errors.check(LibCrypto.BN_bin2bn(scratch.at(length), 1, 0), "BN_bin2bn");
                x = Errors.check(LibCrypto.BN_bin2bn(scratch.at(length + 8), exponent.length, 0), "BN_bin2bn");
                result = Errors.check(LibCrypto.BN_new(), "BN_new");
                ctx = Errors.check(LibCrypto.BN_CTX_new_ex(library.libctx()), "BN_CTX_new_ex");
                Errors.check(LibCrypto.BN_mod_exp_mont_consttime(result, g, x, p, ctx, 0), "BN_mod_exp_mont_consttime");
                long out = length + 8L + exponent.length;
                if (LibCrypto.BN_bn2binpad(result, scratch.at(out), length) != length) {
                    throw Errors.failure("BN_bn2binpad");
                }
                return scratch.get(out, length);
            } finally {
                LibCrypto.BN_free(p);
                LibCrypto.BN_free(g);
                LibCrypto.BN_clear_free(x);
                LibCrypto.BN_free(result);
                LibCrypto.BN_CTX_free(ctx);
            }
        }

        @Override
        byte[] readPublicValue(long pkey) {
            return bigNumberParam(pkey, "pub", group.length());
        }

        @Override
        long importPeer(byte[] peerPublicValue) {
            group.peerValue(peerPublicValue);
            long peer = peerWithOurParameters(peerPublicValue);
            if (peer == 0) {
                throw Errors.failure("invalid " + algorithm.label() + " peer public value", "rejected by libcrypto");
            }
            return peer;
        }

        @Override
        Params deriveParams() {
            // pad the secret to the prime's length, as IKE wants (RFC 7296 §2.14)
            return Params.builder().unsigned("pad", 1).build();
        }

        @Override
        public byte[] privateValue() {
            return bigNumberParam(pkey(), "priv", 0);
        }
    }

    // ---- ECP (RFC 5903)

    static final class Ecp extends OsslKeyExchange {
        private final String curve;
        private final int nid;
        private final int fieldLength;

        Ecp(OpenSslLibrary library, Algorithm algorithm, byte[] privateValue) {
            super(library, algorithm);
            switch (algorithm) {
                case ECP_256:
                    curve = "P-256";
                    nid = 415;
                    break;
                case ECP_384:
                    curve = "P-384";
                    nid = 715;
                    break;
                case ECP_521:
                    curve = "P-521";
                    nid = 716;
                    break;
                default:
                    throw new IllegalArgumentException("not an ECP group: " + algorithm);
            }
            fieldLength = algorithm.outputSize();
            init(() -> privateValue == null ? generateKey() : importKey(privateValue));
        }

        private long generateKey() {
            return generate("EC-" + curve, () -> {
                try (Params params = Params.builder().utf8("group", curve).build()) {
                    return newKeygenContext("EC", 0, params);
                }
            });
        }

        private long importKey(byte[] privateValue) {
            byte[] publicPoint = multiplyBase(privateValue);
            try (Params params = Params.builder().utf8("group", curve).bigNumber("priv", privateValue)
                    .octets("pub", publicPoint).build()) {
                long key = fromData("EC", KEYPAIR, params);
                if (key == 0) {
                    throw Errors.failure("EVP_PKEY_fromdata (" + algorithm.label() + " key)");
                }
                return key;
            }
        }

        /** d·G as an uncompressed point, after checking 0 < d < n. */
        private byte[] multiplyBase(byte[] privateValue) {
            int pointLength = 1 + 2 * fieldLength;
            long group = 0;
            long d = 0;
            long point = 0;
            long ctx = 0;
            try (NativeScratch scratch = new NativeScratch(privateValue.length + pointLength + 16L)) {
                scratch.put(0, privateValue);
                group = Errors.check(LibCrypto.EC_GROUP_new_by_curve_name_ex(library.libctx(), null, nid),
                        "EC_GROUP_new_by_curve_name_ex");
                d = Errors.check(LibCrypto.BN_bin2bn(scratch.at(0), privateValue.length, 0), "BN_bin2bn");
                if (LibCrypto.BN_is_zero(d) == 1 || LibCrypto.BN_cmp(d, LibCrypto.EC_GROUP_get0_order(group)) >= 0) {
                    throw new CryptoException("invalid " + algorithm.label() + " private value");
                }
                ctx = Errors.check(LibCrypto.BN_CTX_new_ex(library.libctx()), "BN_CTX_new_ex");
                point = Errors.check(LibCrypto.EC_POINT_new(group), "EC_POINT_new");
                Errors.check(LibCrypto.EC_POINT_mul(group, point, d, 0, 0, ctx), "EC_POINT_mul");
                long out = privateValue.length + 8L;
                if (LibCrypto.EC_POINT_point2oct(group, point, 4, scratch.at(out), pointLength, ctx) != pointLength) {
                    throw Errors.failure("EC_POINT_point2oct");
                }
                return scratch.get(out, pointLength);
            } finally {
                LibCrypto.EC_POINT_free(point);
                LibCrypto.BN_clear_free(d);
                LibCrypto.BN_CTX_free(ctx);
                LibCrypto.EC_GROUP_free(group);
            }
        }

        @Override
        byte[] readPublicValue(long pkey) {
            int pointLength = 1 + 2 * fieldLength;
            try (NativeScratch scratch = new NativeScratch(16 + pointLength)) {
                Errors.check(LibCrypto.EVP_PKEY_get_octet_string_param(pkey, "pub", scratch.at(16), pointLength,
                        scratch.at(0)), "EVP_PKEY_get_octet_string_param(pub)");
                byte[] point = scratch.get(16, pointLength);
                if (scratch.getLong(0) != pointLength || point[0] != 4) {
                    throw new CryptoException(algorithm.label() + ": public key is not an uncompressed point");
                }
                return Arrays.copyOfRange(point, 1, pointLength);
            }
        }

        @Override
        long importPeer(byte[] peerPublicValue) {
            byte[] point = new byte[1 + peerPublicValue.length];
            point[0] = 4;
            System.arraycopy(peerPublicValue, 0, point, 1, peerPublicValue.length);
            long peer = peerWithOurParameters(point); // EC_POINT_oct2point refuses points off the curve
            if (peer == 0) {
                throw Errors.failure("invalid " + algorithm.label() + " peer public value", "not a point on " + curve);
            }
            return peer;
        }

        @Override
        public byte[] privateValue() {
            return bigNumberParam(pkey(), "priv", fieldLength);
        }
    }

    // ---- Curve25519 (RFC 7748, 8031)

    static final class X25519 extends OsslKeyExchange {

        X25519(OpenSslLibrary library, Algorithm algorithm, byte[] privateValue) {
            super(library, algorithm);
            init(() -> privateValue == null ? generate("X25519", () -> newKeygenContext("X25519", 0, null))
                    : importKey(privateValue));
        }

        private long importKey(byte[] privateValue) {
            if (privateValue.length != 32) {
                throw new CryptoException("invalid curve25519 private value: " + privateValue.length + " bytes");
            }
            try (NativeScratch scratch = new NativeScratch(32)) {
                scratch.put(0, privateValue);
                return Errors.check(LibCrypto.EVP_PKEY_new_raw_private_key_ex(library.libctx(), "X25519", null,
                        scratch.at(0), 32), "EVP_PKEY_new_raw_private_key_ex");
            }
        }

        @Override
        byte[] readPublicValue(long pkey) {
            return raw(pkey, false);
        }

        private static byte[] raw(long pkey, boolean privateKey) {
            try (NativeScratch scratch = new NativeScratch(48)) {
                scratch.setLong(0, 32);
                int ok = privateKey ? LibCrypto.EVP_PKEY_get_raw_private_key(pkey, scratch.at(16), scratch.at(0))
                        : LibCrypto.EVP_PKEY_get_raw_public_key(pkey, scratch.at(16), scratch.at(0));
                Errors.check(ok, "EVP_PKEY_get_raw_key");
                return scratch.get(16, 32);
            }
        }

        @Override
        long importPeer(byte[] peerPublicValue) {
            try (NativeScratch scratch = new NativeScratch(32)) {
                scratch.put(0, peerPublicValue);
                long peer = LibCrypto.EVP_PKEY_new_raw_public_key_ex(library.libctx(), "X25519", null, scratch.at(0), 32);
                if (peer == 0) {
                    throw Errors.failure("invalid curve25519 peer public value", "rejected by libcrypto");
                }
                return peer;
            }
        }

        @Override
        public byte[] privateValue() {
            return raw(pkey(), true);
        }
    }
}

package org.secplane.driver.openssl.internal;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * libcrypto 3 loaded, checked and bound: the probe, a private library context ({@code OSSL_LIB_CTX})
 * with the {@code default} provider and, if it loads, the {@code legacy} one (single DES lives there
 * in OpenSSL 3), and the algorithm implementations fetched once from it.
 *
 * <p>There is one per class loader, created by the first successful {@link #probe} and never freed:
 * every context and key made from it holds references into it, and it is a fixed few kilobytes.
 * Per-object native resources are freed by each object's {@code close()}.
 */
public final class OpenSslLibrary {

    /** The version this driver needs: 3.0.0 ({@code OPENSSL_VERSION_NUMBER} 0xMNN00PP0L). */
    static final long MINIMUM_VERSION = 0x30000000L;

    private static OpenSslLibrary instance;

    private final String fileName;
    private final String version;
    private final long versionNumber;
    private final long libctx;
    private final boolean legacy;
    private final String legacyReason;
    private final Map<String, Long> ciphers = new ConcurrentHashMap<>();
    private final Map<String, Long> digests = new ConcurrentHashMap<>();
    private final Map<String, Long> hmacTemplates = new ConcurrentHashMap<>();
    private final Map<String, Long> keyTemplates = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.ConcurrentLinkedQueue<Long>> keygenPools = new ConcurrentHashMap<>();
    private volatile long hmac;

    private OpenSslLibrary(String fileName, String version, long versionNumber, long libctx, boolean legacy,
            String legacyReason) {
        this.fileName = fileName;
        this.version = version;
        this.versionNumber = versionNumber;
        this.libctx = libctx;
        this.legacy = legacy;
        this.legacyReason = legacyReason;
    }

    /** Why libcrypto cannot be used; the message is what {@code show security crypto providers} prints. */
    public static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String reason) {
            super(reason);
        }
    }

    /**
     * Loads the first of {@code libraryNames} that loads (JNA names: {@code crypto}, or file names such
     * as {@code libcrypto.so.3}), checks that it is OpenSSL 3.0 or later with every function this
     * driver calls, and binds it.
     */
    public static OpenSslLibrary probe(List<String> libraryNames) throws UnavailableException {
        NativeLibrary library = null;
        for (String name : libraryNames) {
            try {
                library = NativeLibrary.getInstance(name);
                break;
            } catch (UnsatisfiedLinkError notFound) {
                // try the next name
            }
        }
        if (library == null) {
            throw new UnavailableException("libcrypto not found (tried " + String.join(", ", libraryNames) + ")");
        }
        String file = fileName(library);
        long number;
        String versionText;
        try {
            Function versionNumber = library.getFunction("OpenSSL_version_num");
            number = versionNumber.invokeLong(new Object[0]);
            versionText = library.getFunction("OpenSSL_version").invokeString(new Object[] {0}, false);
        } catch (UnsatisfiedLinkError notOpenSsl) {
            throw new UnavailableException(file + " is not libcrypto 3 (no OpenSSL_version_num: OpenSSL 1.0 or older,"
                    + " or another library)");
        }
        String tooOld = versionProblem(number, versionText, file);
        if (tooOld != null) {
            throw new UnavailableException(tooOld);
        }
        List<String> missing = new ArrayList<>();
        for (String function : LibCrypto.functionNames()) {
            try {
                library.getFunction(function);
            } catch (UnsatisfiedLinkError absent) {
                missing.add(function);
            }
        }
        if (!missing.isEmpty()) {
            throw new UnavailableException(file + " (" + versionText + ") lacks " + String.join(", ", missing));
        }
        synchronized (OpenSslLibrary.class) {
            if (instance == null) {
                instance = open(library, file, versionText, number);
            }
            return instance;
        }
    }

    /** Why a library of this version cannot be used, or null if it can. */
    static String versionProblem(long number, String versionText, String file) {
        if (number < MINIMUM_VERSION) {
            return "libcrypto too old: " + versionText + " in " + file + " (needs OpenSSL 3.0 or later)";
        }
        return null;
    }

    private static OpenSslLibrary open(NativeLibrary library, String file, String versionText, long number)
            throws UnavailableException {
        LibCrypto.bind(library);
        long libctx = LibCrypto.OSSL_LIB_CTX_new();
        if (libctx == 0) {
            throw new UnavailableException("libcrypto: OSSL_LIB_CTX_new failed: " + Errors.drain());
        }
        // Loading any provider explicitly switches off the automatic default provider, so load both.
        if (LibCrypto.OSSL_PROVIDER_load(libctx, "default") == 0) {
            String why = Errors.drain();
            LibCrypto.OSSL_LIB_CTX_free(libctx);
            throw new UnavailableException("libcrypto default provider could not be loaded: " + why);
        }
        boolean legacy = LibCrypto.OSSL_PROVIDER_load(libctx, "legacy") != 0;
        String legacyReason = legacy ? null : "legacy provider not loadable (" + Errors.drain() + ")";
        return new OpenSslLibrary(file, versionText, number, libctx, legacy, legacyReason);
    }

    /** The real file name of the loaded library, e.g. {@code libcrypto.so.3} (not a symbolic link's name). */
    private static String fileName(NativeLibrary library) {
        File file = library.getFile();
        if (file != null && file.isAbsolute()) {
            try {
                return file.toPath().toRealPath().getFileName().toString();
            } catch (IOException | RuntimeException unresolved) {
                return file.getName();
            }
        }
        // found by the dynamic loader's own search: ask the kernel which file is mapped
        String name = file != null ? file.getName() : library.getName();
        String stem = name.contains(".so") ? name.substring(0, name.indexOf(".so")) : "lib" + name;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash > 0 && line.substring(line.lastIndexOf('/') + 1).startsWith(stem + ".so")) {
                    return Path.of(line.substring(slash)).toRealPath().getFileName().toString();
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux, or no procfs: keep the name
        }
        return name;
    }

    /** e.g. {@code libcrypto.so.3 (OpenSSL 3.0.19 27 Jan 2026)}. */
    public String driver() {
        return fileName + " (" + version + ")";
    }

    public String version() {
        return version;
    }

    public long versionNumber() {
        return versionNumber;
    }

    /** Whether OpenSSL's legacy provider (single DES) is loaded. */
    public boolean legacyLoaded() {
        return legacy;
    }

    /** Why the legacy provider is not loaded, or null. */
    public String legacyReason() {
        return legacyReason;
    }

    long libctx() {
        return libctx;
    }

    /** The {@code EVP_CIPHER} called {@code name}, fetched once; 0 if this libcrypto has none. */
    long cipher(String name) {
        return ciphers.computeIfAbsent(name, n -> {
            long cipher = LibCrypto.EVP_CIPHER_fetch(libctx, n, null);
            if (cipher == 0) {
                Errors.clear();
            }
            return cipher;
        });
    }

    /** The {@code EVP_MD} called {@code name}, fetched once; 0 if this libcrypto has none. */
    long digest(String name) {
        return digests.computeIfAbsent(name, n -> {
            long md = LibCrypto.EVP_MD_fetch(libctx, n, null);
            if (md == 0) {
                Errors.clear();
            }
            return md;
        });
    }

    /** The HMAC {@code EVP_MAC}, fetched once; 0 if absent. */
    long hmac() {
        long mac = hmac;
        if (mac == 0) {
            synchronized (this) {
                if (hmac == 0) {
                    hmac = LibCrypto.EVP_MAC_fetch(libctx, "HMAC", null);
                    if (hmac == 0) {
                        Errors.clear();
                    }
                }
                mac = hmac;
            }
        }
        return mac;
    }

    /**
     * A key (or domain parameters) made once per {@code name} and only ever read, from which other keys
     * copy their parameters or keygen contexts are made; 0 if it cannot be made.
     */
    long keyTemplate(String name, java.util.function.LongSupplier maker) {
        return keyTemplates.computeIfAbsent(name, n -> maker.getAsLong());
    }

    /**
     * An initialised keygen context for {@code name} from a small pool, or a new one from {@code maker}:
     * making one costs about 4 µs of algorithm lookup (OpenSSL 3.0 cannot duplicate keygen contexts),
     * a context can generate any number of keys, and a context is used by one thread at a time, so
     * keygen contexts are borrowed and {@link #returnKeygenContext returned}.
     */
    long borrowKeygenContext(String name, java.util.function.LongSupplier maker) {
        Long pooled = keygenPools.computeIfAbsent(name, n -> new java.util.concurrent.ConcurrentLinkedQueue<>()).poll();
        return pooled != null ? pooled : maker.getAsLong();
    }

    void returnKeygenContext(String name, long ctx) {
        java.util.concurrent.ConcurrentLinkedQueue<Long> pool = keygenPools.get(name);
        if (pool.size() < 8) {
            pool.offer(ctx);
        } else {
            LibCrypto.EVP_PKEY_CTX_free(ctx);
        }
    }

    /**
     * An unkeyed HMAC context with its digest set, made once per digest and only ever duplicated (a
     * read), so that keying one per call needs no digest lookup; 0 if unavailable.
     */
    long hmacTemplate(String digestName) {
        return hmacTemplates.computeIfAbsent(digestName, name -> {
            long mac = hmac();
            if (mac == 0) {
                return 0L;
            }
            long ctx = LibCrypto.EVP_MAC_CTX_new(mac);
            if (ctx == 0) {
                Errors.clear();
                return 0L;
            }
            try (Params params = Params.builder().utf8("digest", name).build()) {
                if (LibCrypto.EVP_MAC_CTX_set_params(ctx, params.address()) != 1) {
                    Errors.clear();
                    LibCrypto.EVP_MAC_CTX_free(ctx);
                    return 0L;
                }
            }
            return ctx;
        });
    }
}

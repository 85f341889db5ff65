package org.secplane.keystore.component;

/**
 * Configuration PID {@code org.secplane.keystore} ({@code etc/org.secplane.keystore.cfg}). Every property
 * is optional; without the file, keys are generated in the software backend.
 */
public @interface KeyStoreConfig {

    /** {@code software} (default) or {@code pkcs11}: where new key pairs are generated. */
    String backend() default "software";

    /** The PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}. */
    String library() default "";

    /** The token's slot id. */
    String slot() default "";

    /** The index of the token in the list of slots with a token (default 0 when nothing else is given). */
    String slot$_$list$_$index() default "";

    /** The token's label (preferred: slot ids of some modules, SoftHSM2's among them, are random). */
    String token$_$label() default "";

    /**
     * The file holding the token PIN (owner-only); default {@code <state>/pki/token-pin}. A relative path is
     * taken from the distribution's directory ({@code karaf.base}).
     */
    String pin$_$file() default "";
}

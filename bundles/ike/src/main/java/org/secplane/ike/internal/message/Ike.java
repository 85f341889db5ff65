package org.secplane.ike.internal.message;

/** IKEv2 numbers (RFC 7296 §3 and the IANA IKEv2 registries), one place for all of them. */
public final class Ike {

    private Ike() {
    }

    public static final int HEADER_LENGTH = 28;
    /** The largest message accepted (the UDP payload limit); longer lengths are dropped as oversized. */
    public static final int MAX_MESSAGE_LENGTH = 65535;
    public static final int VERSION_2 = 0x20;

    // header flags
    public static final int FLAG_INITIATOR = 0x08;
    public static final int FLAG_VERSION = 0x10;
    public static final int FLAG_RESPONSE = 0x20;

    // exchange types
    public static final int IKE_SA_INIT = 34;
    public static final int IKE_AUTH = 35;
    public static final int CREATE_CHILD_SA = 36;
    public static final int INFORMATIONAL = 37;

    // payload types
    public static final int NO_NEXT_PAYLOAD = 0;
    public static final int SA = 33;
    public static final int KE = 34;
    public static final int IDI = 35;
    public static final int IDR = 36;
    public static final int CERT = 37;
    public static final int CERTREQ = 38;
    public static final int AUTH = 39;
    public static final int NONCE = 40;
    public static final int NOTIFY = 41;
    public static final int DELETE = 42;
    public static final int VENDOR_ID = 43;
    public static final int TSI = 44;
    public static final int TSR = 45;
    public static final int SK = 46;
    public static final int CP = 47;
    public static final int EAP = 48;
    public static final int GSPM = 49;
    public static final int SKF = 53;

    // protocol IDs
    public static final int PROTO_IKE = 1;
    public static final int PROTO_AH = 2;
    public static final int PROTO_ESP = 3;

    // transform types
    public static final int ENCR = 1;
    public static final int PRF = 2;
    public static final int INTEG = 3;
    public static final int DH = 4;
    public static final int ESN = 5;

    // ENCR transform IDs
    public static final int ENCR_DES = 2;
    public static final int ENCR_3DES = 3;
    public static final int ENCR_NULL = 11;
    public static final int ENCR_AES_CBC = 12;
    public static final int ENCR_AES_CTR = 13;
    public static final int ENCR_AES_GCM_8 = 18;
    public static final int ENCR_AES_GCM_12 = 19;
    public static final int ENCR_AES_GCM_16 = 20;
    public static final int ENCR_CHACHA20_POLY1305 = 28;

    // PRF transform IDs
    public static final int PRF_HMAC_MD5 = 1;
    public static final int PRF_HMAC_SHA1 = 2;
    public static final int PRF_HMAC_SHA2_256 = 5;
    public static final int PRF_HMAC_SHA2_384 = 6;
    public static final int PRF_HMAC_SHA2_512 = 7;

    // INTEG transform IDs
    public static final int AUTH_NONE = 0;
    public static final int AUTH_HMAC_MD5_96 = 1;
    public static final int AUTH_HMAC_SHA1_96 = 2;
    public static final int AUTH_HMAC_SHA2_256_128 = 12;
    public static final int AUTH_HMAC_SHA2_384_192 = 13;
    public static final int AUTH_HMAC_SHA2_512_256 = 14;

    // transform attribute: key length (TV)
    public static final int ATTR_KEY_LENGTH = 14;

    // ID types
    public static final int ID_IPV4_ADDR = 1;
    public static final int ID_FQDN = 2;
    public static final int ID_RFC822_ADDR = 3;
    public static final int ID_IPV6_ADDR = 5;
    public static final int ID_DER_ASN1_DN = 9;
    public static final int ID_DER_ASN1_GN = 10;
    public static final int ID_KEY_ID = 11;

    // authentication methods
    public static final int AUTH_RSA = 1;
    public static final int AUTH_PSK = 2;
    public static final int AUTH_DSS = 3;
    public static final int AUTH_ECDSA_256 = 9;
    public static final int AUTH_ECDSA_384 = 10;
    public static final int AUTH_ECDSA_521 = 11;
    public static final int AUTH_DIGITAL_SIGNATURE = 14;

    // certificate encodings
    public static final int CERT_X509_SIGNATURE = 4;

    // traffic selector types
    public static final int TS_IPV4_ADDR_RANGE = 7;
    public static final int TS_IPV6_ADDR_RANGE = 8;

    // notify error types
    public static final int UNSUPPORTED_CRITICAL_PAYLOAD = 1;
    public static final int INVALID_IKE_SPI = 4;
    public static final int INVALID_MAJOR_VERSION = 5;
    public static final int INVALID_SYNTAX = 7;
    public static final int INVALID_MESSAGE_ID = 9;
    public static final int INVALID_SPI = 11;
    public static final int NO_PROPOSAL_CHOSEN = 14;
    public static final int INVALID_KE_PAYLOAD = 17;
    public static final int AUTHENTICATION_FAILED = 24;
    public static final int SINGLE_PAIR_REQUIRED = 34;
    public static final int NO_ADDITIONAL_SAS = 35;
    public static final int INTERNAL_ADDRESS_FAILURE = 36;
    public static final int FAILED_CP_REQUIRED = 37;
    public static final int TS_UNACCEPTABLE = 38;
    public static final int INVALID_SELECTORS = 39;
    public static final int TEMPORARY_FAILURE = 43;
    public static final int CHILD_SA_NOT_FOUND = 44;
    /** Notify types below this are errors. */
    public static final int LAST_ERROR_NOTIFY = 16383;

    // notify status types
    public static final int INITIAL_CONTACT = 16384;
    public static final int SET_WINDOW_SIZE = 16385;
    public static final int ADDITIONAL_TS_POSSIBLE = 16386;
    public static final int NAT_DETECTION_SOURCE_IP = 16388;
    public static final int NAT_DETECTION_DESTINATION_IP = 16389;
    public static final int COOKIE = 16390;
    public static final int USE_TRANSPORT_MODE = 16391;
    public static final int REKEY_SA = 16393;
    public static final int ESP_TFC_PADDING_NOT_SUPPORTED = 16394;
    public static final int NON_FIRST_FRAGMENTS_ALSO = 16395;
    public static final int IKEV2_FRAGMENTATION_SUPPORTED = 16430;
    public static final int SIGNATURE_HASH_ALGORITHMS = 16431;

    // RFC 7427 hash algorithm identifiers
    public static final int HASH_SHA1 = 1;
    public static final int HASH_SHA2_256 = 2;
    public static final int HASH_SHA2_384 = 3;
    public static final int HASH_SHA2_512 = 4;

    /** Exchange type names for logs and {@code show} output. */
    public static String exchangeName(int exchange) {
        switch (exchange) {
            case IKE_SA_INIT: return "IKE_SA_INIT";
            case IKE_AUTH: return "IKE_AUTH";
            case CREATE_CHILD_SA: return "CREATE_CHILD_SA";
            case INFORMATIONAL: return "INFORMATIONAL";
            default: return "EXCHANGE_" + exchange;
        }
    }

    /** Notify type names for logs and failure reasons. */
    public static String notifyName(int type) {
        switch (type) {
            case UNSUPPORTED_CRITICAL_PAYLOAD: return "UNSUPPORTED_CRITICAL_PAYLOAD";
            case INVALID_IKE_SPI: return "INVALID_IKE_SPI";
            case INVALID_MAJOR_VERSION: return "INVALID_MAJOR_VERSION";
            case INVALID_SYNTAX: return "INVALID_SYNTAX";
            case INVALID_MESSAGE_ID: return "INVALID_MESSAGE_ID";
            case INVALID_SPI: return "INVALID_SPI";
            case NO_PROPOSAL_CHOSEN: return "NO_PROPOSAL_CHOSEN";
            case INVALID_KE_PAYLOAD: return "INVALID_KE_PAYLOAD";
            case AUTHENTICATION_FAILED: return "AUTHENTICATION_FAILED";
            case SINGLE_PAIR_REQUIRED: return "SINGLE_PAIR_REQUIRED";
            case NO_ADDITIONAL_SAS: return "NO_ADDITIONAL_SAS";
            case INTERNAL_ADDRESS_FAILURE: return "INTERNAL_ADDRESS_FAILURE";
            case FAILED_CP_REQUIRED: return "FAILED_CP_REQUIRED";
            case TS_UNACCEPTABLE: return "TS_UNACCEPTABLE";
            case INVALID_SELECTORS: return "INVALID_SELECTORS";
            case TEMPORARY_FAILURE: return "TEMPORARY_FAILURE";
            case CHILD_SA_NOT_FOUND: return "CHILD_SA_NOT_FOUND";
            case INITIAL_CONTACT: return "INITIAL_CONTACT";
            case NAT_DETECTION_SOURCE_IP: return "NAT_DETECTION_SOURCE_IP";
            case NAT_DETECTION_DESTINATION_IP: return "NAT_DETECTION_DESTINATION_IP";
            case COOKIE: return "COOKIE";
            case REKEY_SA: return "REKEY_SA";
            case IKEV2_FRAGMENTATION_SUPPORTED: return "IKEV2_FRAGMENTATION_SUPPORTED";
            case SIGNATURE_HASH_ALGORITHMS: return "SIGNATURE_HASH_ALGORITHMS";
            default: return "NOTIFY_" + type;
        }
    }
}

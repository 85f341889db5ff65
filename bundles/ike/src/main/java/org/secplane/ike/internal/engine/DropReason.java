package org.secplane.ike.internal.engine;

/** Why a received datagram was not processed (or, for the last two, was answered from the cache). */
public enum DropReason {
    /** shorter than the IKE header or than a length field says */
    TRUNCATED,
    /** a length field disagrees with the datagram or with the payloads */
    BAD_LENGTH,
    /** longer than 65535 bytes */
    OVERSIZED,
    /** an IKEv1 message (IKEv1 is not implemented; D-25) */
    IKEV1,
    /** a major version other than 1 and 2 */
    BAD_VERSION,
    /** a field holds a value the RFC forbids */
    INVALID_SYNTAX,
    /** an unknown payload with the critical bit (answered with UNSUPPORTED_CRITICAL_PAYLOAD when a request) */
    UNSUPPORTED_CRITICAL_PAYLOAD,
    /** on the NAT-T port without the non-ESP marker (ESP belongs to the data plane) */
    NOT_IKE,
    /** no IKE SA with this SPI */
    UNKNOWN_SPI,
    /** the I (initiator) flag contradicts the SA's roles */
    ROLE_MISMATCH,
    /** IKE_SA_INIT from an address no gateway has */
    NO_GATEWAY,
    /** IKE_SA_INIT for a gateway configured {@code v1-only} (D-25) */
    VERSION_MISMATCH,
    /** IKE_SA_INIT answered with a COOKIE challenge (too many half-open SAs) */
    COOKIE_REQUIRED,
    /** a request whose message ID is not the next one (nor the last one) */
    OUT_OF_WINDOW,
    /** a response to no request of ours */
    UNEXPECTED_RESPONSE,
    /** an exchange type that is not allowed in the SA's state */
    UNEXPECTED_EXCHANGE,
    /** the ICV did not verify */
    INTEGRITY_CHECK_FAILED,
    /** an exchange that must be encrypted came in clear */
    UNPROTECTED,
    /** a fragment that does not fit the others (RFC 7383) */
    BAD_FRAGMENT,
    /** a bug: an exception while processing (logged) */
    INTERNAL_ERROR,
    /** a retransmitted request, answered with the cached response (not an error) */
    RETRANSMITTED_REQUEST,
    /** a NAT keepalive (not an error) */
    NAT_KEEPALIVE
}

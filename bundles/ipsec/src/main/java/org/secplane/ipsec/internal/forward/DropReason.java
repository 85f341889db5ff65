package org.secplane.ipsec.internal.forward;

/** Why the data plane dropped a packet; each reason has a counter ({@code show security ipsec statistics | display json}). */
public enum DropReason {

    // leaving through a tunnel interface
    NOT_IP("not-ip", "not an IPv4 or IPv6 packet"),
    NO_POLICY("no-policy", "no VPN of the tunnel interface has traffic selectors that match"),
    NO_SA("no-sa", "the VPN has no SA (negotiation requested when key management runs)"),
    SA_EXPIRED("sa-expired", "the SA reached its hard lifetime or used up its sequence numbers"),
    NO_SEND_PORT("no-send-port", "no raw socket on the SA's local address"),
    NO_UDP_ENCAPSULATION("no-udp-encapsulation", "ESP in UDP, but key management's NAT-T port is not there"),
    SEND_FAILED("send-failed", "the platform refused to send (larger than the path MTU with DF set, no route)"),
    // arriving from a peer
    TRUNCATED("truncated", "shorter than its headers, IV and ICV"),
    UNKNOWN_SPI("unknown-spi", "no installed SA has the SPI"),
    WRONG_ENCAPSULATION("wrong-encapsulation", "ESP in UDP for a plain SA, or plain ESP for a UDP-encapsulated one"),
    REPLAY("replay", "sequence number already seen or older than the replay window"),
    ESP_AUTHENTICATION("esp-authentication", "ESP ICV mismatch"),
    AH_AUTHENTICATION("ah-authentication", "AH ICV mismatch"),
    DECRYPTION("decryption", "ciphertext not a whole number of cipher blocks"),
    BAD_TRAILER("bad-trailer", "pad length or next header of the ESP trailer wrong"),
    BAD_INNER_HEADER("bad-inner-header", "the decrypted packet is not a well-formed IP packet"),
    SELECTOR_MISMATCH("selector-mismatch", "the decrypted packet is outside the SA's traffic selectors"),
    NO_TUNNEL_INTERFACE("no-tunnel-interface", "the SA's tunnel interface does not exist or is down"),
    DELIVERY_FAILED("delivery-failed", "writing to the tunnel interface failed"),
    // either way
    CRYPTO_FAILURE("crypto-failure", "the crypto provider failed on the packet");

    private final String key;
    private final String description;

    DropReason(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The name in JSON output. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }
}

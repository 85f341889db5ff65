package org.secplane.ike.internal.engine;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * One IKE SA as {@code show security ike security-associations [detail]} prints it (ipsec-srx.md §3.10).
 *
 * @param index the SA's index (D-46), for {@code index N} in show and clear
 * @param gateway the configured IKE gateway
 * @param state {@code UP} or {@code DOWN}
 * @param detailedState the engine's state (CONNECTING, ESTABLISHED, REKEYED, DELETING, …)
 * @param initiatorSpi the initiator's SPI ("Initiator cookie")
 * @param responderSpi the responder's SPI ("Responder cookie"), 0 while unknown
 * @param exchangeType {@code IKEv2} (the Mode column and "Exchange type")
 * @param role {@code Initiator} or {@code Responder}
 * @param local local address and port
 * @param remote remote address and port
 * @param lifetimeRemainingSeconds seconds until the hard lifetime (0 before established)
 * @param peerIkeId the peer's IKE ID, or {@code not valid}
 * @param localIdentity our IKE ID as sent
 * @param authenticationMethod {@code Pre-shared-keys}, {@code RSA-signatures}, …
 * @param integrity e.g. {@code hmac-sha1-96}, {@code None} with AES-GCM
 * @param encryption e.g. {@code aes-128-cbc}, {@code aes-256-gcm}
 * @param prf e.g. {@code hmac-sha1}
 * @param dhGroup e.g. {@code group19}
 * @param inputBytes IKE bytes received
 * @param outputBytes IKE bytes sent
 * @param inputPackets IKE messages received
 * @param outputPackets IKE messages sent
 * @param ipsecSasCreated CHILD SAs created on this IKE SA
 * @param ipsecSasDeleted CHILD SAs deleted on this IKE SA
 * @param negotiations exchanges in progress ("Phase 2 negotiations in progress")
 * @param localBehindNat NAT detected in front of us
 * @param remoteBehindNat NAT detected in front of the peer
 * @param flags {@code IKE SA is created} or {@code IKE SA is being negotiated} / {@code … deleted}
 */
public record IkeSaInfo(int index, String gateway, String state, String detailedState, long initiatorSpi, long responderSpi,
        String exchangeType, String role, InetSocketAddress local, InetSocketAddress remote, long lifetimeRemainingSeconds,
        String peerIkeId, String localIdentity, String authenticationMethod, String integrity, String encryption, String prf,
        String dhGroup, long inputBytes, long outputBytes, long inputPackets, long outputPackets, int ipsecSasCreated,
        int ipsecSasDeleted, List<NegotiationInfo> negotiations, boolean localBehindNat, boolean remoteBehindNat,
        String flags) {

    /** The initiator SPI as Junos prints a cookie: 16 lower-case hex digits. */
    public String initiatorCookie() {
        return String.format("%016x", initiatorSpi);
    }

    public String responderCookie() {
        return String.format("%016x", responderSpi);
    }

    /**
     * An exchange in progress.
     *
     * @param type e.g. {@code CREATE_CHILD_SA (rekey)}
     * @param role {@code Initiator}
     * @param messageId its message ID
     * @param local local address and port
     * @param remote remote address and port
     * @param localIdentity our IKE ID
     * @param remoteIdentity the peer's IKE ID
     */
    public record NegotiationInfo(String type, String role, long messageId, InetSocketAddress local, InetSocketAddress remote,
            String localIdentity, String remoteIdentity) {
    }
}

package org.secplane.ike.internal.engine;

import java.net.InetAddress;
import org.secplane.ipsec.ChildSa.DfBit;
import org.secplane.ipsec.TrafficSelector;

/**
 * One CHILD SA pair as {@code show security ipsec security-associations [detail]} prints it (ipsec-srx.md
 * §3.8): the summary line per direction and the detail block per direction.
 *
 * @param tunnelId the ID column (D-46: from 131073 per VPN, kept across rekeys)
 * @param vpn the VPN name
 * @param gateway the IKE gateway name
 * @param ikeSaIndex the index of the IKE SA it belongs to
 * @param localGateway local tunnel endpoint
 * @param remoteGateway remote tunnel endpoint (the Gateway column)
 * @param port the Port column: the peer's IKE port, 4500 with NAT-T, else 500
 * @param localSelector negotiated local traffic selector
 * @param remoteSelector negotiated remote traffic selector
 * @param localIdentity Junos form, e.g. {@code ipv4_subnet(any:0,[0..7]=10.10.10.0/24)}
 * @param remoteIdentity Junos form
 * @param version {@code IKEv2}
 * @param dfBit outer DF bit handling
 * @param bindInterface st0 unit of a route-based VPN, or {@code null}
 * @param policyName security policy of a policy-based VPN, or {@code null}
 * @param protocol {@code ESP} or {@code AH}
 * @param inboundSpi inbound SPI
 * @param outboundSpi outbound SPI
 * @param authentication e.g. {@code hmac-sha1-96}, {@code None} with an AEAD
 * @param encryption e.g. {@code 3des-cbc}, {@code aes-128-gcm}, {@code None}
 * @param summaryAlgorithm e.g. {@code ESP:aes-128/sha1}
 * @param pfsGroup e.g. {@code group14}, or {@code None}
 * @param hardLifetimeRemaining seconds until the hard lifetime
 * @param softLifetimeRemaining seconds until the soft lifetime; 0 or less prints {@code Expired}
 * @param lifesizeRemainingInbound kilobytes left inbound, -1 for unlimited
 * @param lifesizeRemainingOutbound kilobytes left outbound, -1 for unlimited
 * @param antiReplay whether anti-replay is on
 * @param replayWindow 64, or 0 with {@code no-anti-replay}
 * @param mode {@code Tunnel}
 * @param type {@code dynamic}
 * @param state {@code installed}
 * @param negotiationState key management's state (INSTALLED, REKEYING, REKEYED, DELETING)
 * @param udpEncapsulated NAT-T (ESP in UDP)
 * @param inboundBytes data plane counters
 * @param inboundPackets data plane counters
 * @param outboundBytes data plane counters
 * @param outboundPackets data plane counters
 */
public record ChildSaInfo(long tunnelId, String vpn, String gateway, int ikeSaIndex, InetAddress localGateway,
        InetAddress remoteGateway, int port, TrafficSelector localSelector, TrafficSelector remoteSelector, String localIdentity,
        String remoteIdentity, String version, DfBit dfBit, String bindInterface, String policyName, String protocol,
        long inboundSpi, long outboundSpi, String authentication, String encryption, String summaryAlgorithm, String pfsGroup,
        long hardLifetimeRemaining, long softLifetimeRemaining, long lifesizeRemainingInbound, long lifesizeRemainingOutbound,
        boolean antiReplay, int replayWindow, String mode, String type, String state, String negotiationState,
        boolean udpEncapsulated, long inboundBytes, long inboundPackets, long outboundBytes, long outboundPackets) {
}

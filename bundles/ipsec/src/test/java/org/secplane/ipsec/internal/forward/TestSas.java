package org.secplane.ipsec.internal.forward;

import org.secplane.crypto.Algorithm;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.Lifetime;
import org.secplane.ipsec.TrafficSelector;

/** SA pairs as key management would install them, with fixed keys (so the peer side can mirror them). */
final class TestSas {

    static final byte[] AES_KEY = Packets.hex("000102030405060708090a0b0c0d0e0f");
    static final byte[] SHA1_KEY = Packets.hex("0f0e0d0c0b0a09080706050403020100aabbccdd");
    static final byte[] GCM_KEY = Packets.hex("feffe9928665731c6d6a8f9467308308cafebabe");

    private TestSas() {
    }

    /** AES-128-CBC with HMAC-SHA1-96 between {@code local} and {@code remote}, tunnel mode, st0.0, window 64. */
    static ChildSa.Builder cbc(String local, String remote, long inboundSpi, long outboundSpi) {
        return ChildSa.builder()
                .tunnelId(131073)
                .vpn("vpn1")
                .origin(ChildSa.Origin.IKEV2)
                .endpoints(Packets.address(local), Packets.address(remote))
                .spis(inboundSpi, outboundSpi)
                .algorithms(Algorithm.AES_128_CBC, Algorithm.HMAC_SHA1_96)
                .inboundKeys(AES_KEY.clone(), SHA1_KEY.clone())
                .outboundKeys(AES_KEY.clone(), SHA1_KEY.clone())
                .lifetime(Lifetime.of(3600, 0))
                .replayWindow(64)
                .bindInterface("st0.0");
    }

    /** AES-128-GCM-16. */
    static ChildSa.Builder gcm(String local, String remote, long inboundSpi, long outboundSpi) {
        return cbc(local, remote, inboundSpi, outboundSpi)
                .algorithms(Algorithm.AES_128_GCM_16, null)
                .inboundKeys(GCM_KEY.clone(), null)
                .outboundKeys(GCM_KEY.clone(), null);
    }

    static TrafficSelector prefix(String prefix) {
        return TrafficSelector.ofPrefix(prefix);
    }
}

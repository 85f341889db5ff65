package org.secplane.ipsec.internal.forward;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.driver.simulator.internal.SimulatedNetwork;
import org.secplane.driver.simulator.internal.SimulatedTunnel;

/**
 * The set-up of the packet tests against one gateway: the gateway at 1.1.1.2 with st0.0 up and key management
 * recorded, the peer at 1.1.1.1 on the same wire.
 */
abstract class GatewayAndPeer {

    @TempDir
    Path state;

    final SimulatedNetwork wire = new SimulatedNetwork(getClass().getSimpleName());
    final RecordingKeyManager keyManager = new RecordingKeyManager();
    Gateway gateway;
    Peer peer;
    SimulatedTunnel st0;

    @BeforeEach
    void startGatewayAndPeer() throws Exception {
        gateway = new Gateway(wire, "left", state).addresses("1.1.1.2/30");
        gateway.plane.setKeyManager(keyManager);
        peer = new Peer(wire, "1.1.1.1/30");
        st0 = gateway.st0("st0.0");
    }

    @AfterEach
    void closeGatewayAndPeer() {
        gateway.close();
        peer.close();
    }
}

package org.secplane.ike.internal.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.secplane.ike.internal.engine.IkeEngine;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.policy.VpnConfig;

/**
 * The golden-packet scenarios and their files ({@code src/test/resources/golden/*.txt}): one line per datagram,
 * {@code sender exchange kind messageId hex}. Run {@link #main} (or the tests with {@code -Dike.golden.write=true})
 * to write them again after a deliberate change of the wire format.
 */
public final class Golden {

    public static final String[] SCENARIOS = {"psk-ecp256-aes-gcm", "psk-modp2048-aes-cbc-sha256"};

    /** One recorded datagram. */
    public static final class Record {
        public final String sender;
        public final int exchange;
        public final boolean response;
        public final long messageId;
        public final byte[] bytes;

        Record(String sender, int exchange, boolean response, long messageId, byte[] bytes) {
            this.sender = sender;
            this.exchange = exchange;
            this.response = response;
            this.messageId = messageId;
            this.bytes = bytes;
        }

        String line() {
            return sender + " " + Ike.exchangeName(exchange) + " " + (response ? "response" : "request") + " " + messageId + " "
                    + HexFormat.of().formatHex(bytes);
        }
    }

    private Golden() {
    }

    /**
     * Runs a scenario and returns every datagram as sent: establishment (IKE_SA_INIT, IKE_AUTH), a CHILD SA
     * rekey with PFS and the delete of the old CHILD SA, an IKE SA rekey by the responder and the delete of the
     * old IKE SA, a DPD exchange, and the final delete.
     */
    public static List<Record> run(String scenario) {
        IkePolicy[] policies = scenario.contains("ecp256") ? Scenarios.ecp256Gcm() : Scenarios.modp2048Cbc();
        policies = withDpd(policies);
        List<Record> out = new ArrayList<>();
        try (Peers p = new Peers(20251122)) {
            p.apply(policies[0], policies[1]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            p.alice.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID);
            p.wire.deliverAll();
            p.bob.rekeyIkeSecurityAssociation(p.bobIke().get(0).index());
            p.wire.deliverAll();
            p.clock.advance(10_000);
            p.wire.deliverAll();
            p.alice.clearIkeSecurityAssociations(IkeEngine.IkeSaFilter.all());
            p.wire.deliverAll();
            for (Wire.Packet pk : p.wire.sent) {
                String sender = pk.from.getAddress().getHostAddress().equals(Peers.ALICE) ? "alice" : "bob";
                out.add(new Record(sender, pk.exchange(), pk.response(), pk.messageId(), pk.data));
            }
        }
        return out;
    }

    private static IkePolicy[] withDpd(IkePolicy[] policies) {
        IkePolicy[] out = new IkePolicy[2];
        for (int i = 0; i < 2; i++) {
            PeerConfig g = policies[i].gateways.values().iterator().next().toBuilder().dpd(10, i == 0).build();
            out[i] = new IkePolicy(List.of(g), new ArrayList<VpnConfig>(policies[i].vpns.values()), 5);
        }
        return out;
    }

    public static List<Record> load(String scenario) throws IOException {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + scenario + ".txt")) {
            if (in == null) {
                throw new IOException("golden file " + scenario + " missing: run Golden.main");
            }
            List<Record> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] w = line.trim().split(" ");
                int exchange = switch (w[1]) {
                    case "IKE_SA_INIT" -> Ike.IKE_SA_INIT;
                    case "IKE_AUTH" -> Ike.IKE_AUTH;
                    case "CREATE_CHILD_SA" -> Ike.CREATE_CHILD_SA;
                    default -> Ike.INFORMATIONAL;
                };
                out.add(new Record(w[0], exchange, w[2].equals("response"), Long.parseLong(w[3]), HexFormat.of().parseHex(w[4])));
            }
            return out;
        }
    }

    public static void write(String scenario, Path dir) throws IOException {
        StringBuilder s = new StringBuilder("# secplane IKEv2 golden packets: ").append(scenario)
                .append(" (PSK; see Golden.run). Regenerate: mvn test -Dike.golden.write=true -Dtest=GoldenPacketsTest\n");
        for (Record r : run(scenario)) {
            s.append(r.line()).append('\n');
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(scenario + ".txt"), s.toString(), StandardCharsets.US_ASCII);
    }

    /** Writes the golden files into {@code src/test/resources/golden} (argument: the module directory). */
    public static void main(String[] args) throws IOException {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        for (String scenario : SCENARIOS) {
            write(scenario, module.resolve("src/test/resources/golden"));
        }
    }

}

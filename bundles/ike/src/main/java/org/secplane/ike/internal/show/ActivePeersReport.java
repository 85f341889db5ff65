package org.secplane.ike.internal.show;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secplane.cli.Report;
import org.secplane.ike.internal.engine.IkeSaInfo;

/**
 * {@code show security ike active-peer} (ipsec-srx.md §3.5): one row per peer with an established IKE SA, by
 * the address and port it talks from (a NAT's, when there is one).
 *
 * <pre>
 * Remote Address    Port    Peer IKE-ID       XAUTH username    Assigned IP
 * 172.27.6.136      4500    branch@example.   not available     0.0.0.0
 * </pre>
 *
 * There is no XAuth or remote-access address assignment in this implementation, so the last two columns are
 * {@code not available} and {@code 0.0.0.0}, as the SA detail prints them. A value wider than its column keeps
 * one blank before the next.
 */
public final class ActivePeersReport {

    private static final int[] WIDTHS = {18, 8, 18, 18};

    private ActivePeersReport() {
    }

    public static Report of(List<IkeSaInfo> sas) {
        List<String[]> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (IkeSaInfo sa : sas) {
            if (!sa.state().equals("UP")) {
                continue;
            }
            String address = sa.remote().getAddress().getHostAddress();
            String port = Integer.toString(sa.remote().getPort());
            if (seen.add(address + " " + port + " " + sa.peerIkeId())) {
                rows.add(new String[] {address, port, sa.peerIkeId(), "not available", "0.0.0.0"});
            }
        }
        List<Object> peers = new ArrayList<>();
        for (String[] row : rows) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("ike-sa-remote-address", row[0]);
            p.put("ike-sa-remote-port", Integer.parseInt(row[1]));
            p.put("ike-ike-id", row[2]);
            p.put("ike-xauth-username", row[3]);
            p.put("ike-xauth-user-assigned-ip", row[4]);
            peers.add(p);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("ike-active-peers", peers);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ike-active-peers-information", info);
        return Report.of(data, out -> {
            out.println(line(new String[] {"Remote Address", "Port", "Peer IKE-ID", "XAUTH username", "Assigned IP"}));
            for (String[] row : rows) {
                out.println(line(row));
            }
        });
    }

    private static String line(String[] cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            b.append(cells[i]);
            if (i < WIDTHS.length) {
                int pad = Math.max(1, WIDTHS[i] - cells[i].length());
                b.append(" ".repeat(pad));
            }
        }
        return b.toString().stripTrailing();
    }
}

package org.secplane.ike.internal.show;

import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.ipAddress;
import static org.secplane.config.schema.Types.name;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Arguments;
import org.secplane.cli.CommandFailedException;
import org.secplane.ike.internal.engine.IkeEngine.IkeSaFilter;
import org.secplane.ike.internal.engine.IkeSaInfo;

/**
 * The IKE SA selection that {@code show} and {@code clear security ike security-associations} share
 * (ipsec-srx.md §3.2, D-50): {@code peer-address}, {@code port}, {@code index}, {@code family}, and the SRX
 * filters {@code fpc}, {@code pic}, {@code kmd-instance}. This is the branch profile (D-54): one key management
 * instance, {@code kmd0}, on FPC 0 PIC 0, so {@code fpc}/{@code pic} other than 0 select nothing and a
 * {@code kmd-instance} other than {@code all} or {@code kmd0} is an error.
 */
public final class SaSelection {

    /** The one key management instance of the branch profile. */
    public static final String KMD_INSTANCE = "kmd0";

    private final IkeSaFilter filter;
    private final boolean nothing;

    private SaSelection(IkeSaFilter filter, boolean nothing) {
        this.filter = filter;
        this.nothing = nothing;
    }

    /** Adds the selection's options to a command's grammar; {@code port} only where the command has it. */
    public static ArgumentSpec.Builder options(ArgumentSpec.Builder b, boolean withPort) {
        b.positional("peer-address", ipAddress(), "IP address of the peer");
        if (withPort) {
            b.option("port", integer(1, 65535), "Port number of the peer (1..65535), for peers behind a NAT");
        }
        b.option("index", integer(1, Integer.MAX_VALUE), "Index of the IKE SA");
        b.option("fpc", integer(0, 255), "FPC slot number (0 on this device)");
        b.option("pic", integer(0, 255), "PIC slot number (0 on this device)");
        b.option("kmd-instance", name("all | kmd-instance-name"), "Key management instance: all, or kmd0");
        b.option("family", enumeration("inet", "inet6"), "Address family: inet (IPv4) or inet6 (IPv6)");
        return b;
    }

    public static SaSelection of(Arguments a) throws CommandFailedException {
        String kmd = a.get("kmd-instance").orElse("all");
        if (!kmd.equals("all") && !kmd.equals(KMD_INSTANCE)) {
            throw new CommandFailedException("kmd-instance " + kmd + " does not exist: this device has one key management "
                    + "instance, " + KMD_INSTANCE);
        }
        boolean nothing = a.get("fpc").map(v -> !v.equals("0")).orElse(false) || a.get("pic").map(v -> !v.equals("0")).orElse(false);
        InetAddress peer = null;
        if (a.get("peer-address").isPresent()) {
            try {
                peer = InetAddress.getByName(a.get("peer-address").get());
            } catch (UnknownHostException e) {
                throw new CommandFailedException("'" + a.get("peer-address").get() + "' is not an IP address");
            }
        }
        int port = a.get("port").map(Integer::parseInt).orElse(0);
        int index = Integer.parseInt(a.get("index").orElse("0"));
        int family = a.get("family").map(f -> f.equals("inet") ? 4 : 6).orElse(0);
        return new SaSelection(IkeSaFilter.of(peer, port, index, family), nothing);
    }

    /** Whether anything can match ({@code fpc}/{@code pic} other than 0 match nothing here). */
    public boolean any() {
        return !nothing;
    }

    public IkeSaFilter filter() {
        return filter;
    }

    public List<IkeSaInfo> apply(List<IkeSaInfo> sas) {
        List<IkeSaInfo> out = new ArrayList<>();
        if (nothing) {
            return out;
        }
        for (IkeSaInfo sa : sas) {
            if (filter.test(sa)) {
                out.add(sa);
            }
        }
        return out;
    }
}

package org.secplane.ipsec.component;

import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Arguments;
import org.secplane.config.schema.Types;
import org.secplane.ipsec.internal.show.IpsecReports;

/**
 * The options the IPsec SA commands share (ipsec-srx.md §3 option matrix): {@code index N}, {@code fpc},
 * {@code pic}, {@code kmd-instance (all | name)} and, where the guide has it, {@code family (inet | inet6)}.
 * This is the branch SRX profile (D-54): {@code fpc 0}, {@code pic 0}, {@code kmd-instance all} and
 * {@code kmd0} select everything, other places nothing.
 */
final class SaSelection {

    private SaSelection() {
    }

    static ArgumentSpec.Builder options(ArgumentSpec.Builder builder, boolean family) {
        builder.option("index", Types.integer(1, 4294967295L), "Index number of the SA (tunnel ID)")
                .option("fpc", Types.integer(0, 255), "FPC slot number (SRX Series)")
                .option("pic", Types.integer(0, 255), "PIC slot number (SRX Series)")
                .option("kmd-instance", Types.name("kmd-instance"), "KMD instance: all, or the name of one (SRX Series)");
        if (family) {
            builder.option("family", Types.enumeration("inet", "inet6"), "Address family of the gateways: inet or inet6");
        }
        return builder;
    }

    static IpsecReports.Filter filter(Arguments arguments) {
        long index = arguments.get("index").map(Long::parseLong).orElse(0L);
        boolean here = arguments.get("fpc").map("0"::equals).orElse(true)
                && arguments.get("pic").map("0"::equals).orElse(true)
                && arguments.get("kmd-instance").map(k -> k.equals("all") || k.equals("kmd0")).orElse(true);
        return new IpsecReports.Filter(index, arguments.get("family").orElse(null), here);
    }
}

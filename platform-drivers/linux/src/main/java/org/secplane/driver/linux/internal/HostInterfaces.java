package org.secplane.driver.linux.internal;

import org.secplane.driver.IpPrefix;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The host's interfaces as the JVM sees them (its network namespace). */
public interface HostInterfaces {

    /**
     * The addresses of host interface {@code name} as {@code address/length} (link-local IPv6 ones left
     * out), or empty when there is no such interface.
     */
    Optional<List<String>> addresses(String name);

    /** Through {@link NetworkInterface}. */
    static HostInterfaces system() {
        return name -> {
            try {
                NetworkInterface nic = NetworkInterface.getByName(name);
                if (nic == null) {
                    return Optional.empty();
                }
                List<String> out = new ArrayList<>();
                for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                    if (!address.getAddress().isLinkLocalAddress()) {
                        out.add(IpPrefix.format(address.getAddress()) + "/" + address.getNetworkPrefixLength());
                    }
                }
                return Optional.of(out);
            } catch (SocketException e) {
                return Optional.empty();
            }
        };
    }
}

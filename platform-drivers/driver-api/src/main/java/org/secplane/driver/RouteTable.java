package org.secplane.driver;

import java.io.IOException;
import java.util.List;

/** Static routes in the platform's routing table ({@code routing-options static route P next-hop X}). */
public interface RouteTable {

    /** A route to {@code prefix} through a tunnel interface ({@code st0.0}) or a gateway address. */
    void add(String prefix, String nextHop) throws IOException;

    void remove(String prefix, String nextHop) throws IOException;

    /** The routes secplane added, as {@code prefix nextHop}. */
    List<String> list();
}

package org.secplane.ipsec.internal.sad;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The security association database of inbound SAs, looked up by (protocol, SPI, local address) as RFC 4301
 * §4.1 and Junos (ipsec-srx.md §1.2, D-60) have it. A hash table of immutable chain nodes keyed by protocol
 * and SPI packed in one {@code long}: a packet's lookup reads the table without a lock and allocates
 * nothing (no boxed key); changes are made under the table's lock and published by replacing a bucket's
 * chain (or the whole table when it grows). Entries with the same protocol and SPI on different local
 * addresses share a chain; an SA installed for any local address (a manual SA without a configured address)
 * matches every one.
 */
public final class Sad {

    private static final class Node {
        final long key;
        final SecurityAssociation sa;
        final Node next;

        Node(long key, SecurityAssociation sa, Node next) {
            this.key = key;
            this.sa = sa;
            this.next = next;
        }
    }

    private volatile Node[] table = new Node[64];
    private int size;

    private static long key(int protocol, long spi) {
        return (long) protocol << 32 | (spi & 0xffffffffL);
    }

    private static int index(long key, int length) {
        long h = key * 0x9e3779b97f4a7c15L;
        return (int) (h >>> 40) & (length - 1);
    }

    /** The inbound SA for a packet to {@code local}; {@code null} when none. Lock-free, allocation-free. */
    public SecurityAssociation find(int protocol, long spi, InetAddress local) {
        long key = key(protocol, spi);
        Node[] t = table;
        SecurityAssociation wildcard = null;
        for (Node n = t[index(key, t.length)]; n != null; n = n.next) {
            if (n.key == key) {
                SaPair pair = n.sa.pair();
                if (pair.anyLocal()) {
                    wildcard = n.sa;
                } else if (pair.local().equals(local)) {
                    return n.sa;
                }
            }
        }
        return wildcard;
    }

    /** Whether an inbound SA with this protocol and SPI on this local address (or any) is installed. */
    public synchronized boolean contains(int protocol, long spi, InetAddress local, boolean anyLocal) {
        long key = key(protocol, spi);
        Node[] t = table;
        for (Node n = t[index(key, t.length)]; n != null; n = n.next) {
            if (n.key == key) {
                SaPair pair = n.sa.pair();
                if (anyLocal || pair.anyLocal() || pair.local().equals(local)) {
                    return true;
                }
            }
        }
        return false;
    }

    public synchronized void add(SecurityAssociation sa) {
        if (size + 1 > table.length * 3 / 4) {
            grow();
        }
        long key = key(sa.protocol(), sa.spi());
        Node[] t = table;
        int i = index(key, t.length);
        t[i] = new Node(key, sa, t[i]);
        table = t; // publish the bucket write (volatile store)
        size++;
    }

    public synchronized boolean remove(SecurityAssociation sa) {
        long key = key(sa.protocol(), sa.spi());
        Node[] t = table;
        int i = index(key, t.length);
        List<Node> kept = new ArrayList<>();
        boolean found = false;
        for (Node n = t[i]; n != null; n = n.next) {
            if (n.sa == sa) {
                found = true;
            } else {
                kept.add(n);
            }
        }
        if (!found) {
            return false;
        }
        Node chain = null;
        for (int k = kept.size() - 1; k >= 0; k--) {
            chain = new Node(kept.get(k).key, kept.get(k).sa, chain);
        }
        t[i] = chain;
        table = t;
        size--;
        return true;
    }

    /** Every inbound SA (control path). */
    public synchronized List<SecurityAssociation> all() {
        List<SecurityAssociation> out = new ArrayList<>(size);
        for (Node head : table) {
            for (Node n = head; n != null; n = n.next) {
                out.add(n.sa);
            }
        }
        return out;
    }

    public synchronized int size() {
        return size;
    }

    private void grow() {
        Node[] old = table;
        Node[] bigger = new Node[old.length * 2];
        for (Node head : old) {
            for (Node n = head; n != null; n = n.next) {
                int i = index(n.key, bigger.length);
                bigger[i] = new Node(n.key, n.sa, bigger[i]);
            }
        }
        table = bigger;
    }
}

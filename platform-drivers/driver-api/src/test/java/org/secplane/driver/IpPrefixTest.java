package org.secplane.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpPrefixTest {

    @Test
    void bareAddressIsAHostPrefix() {
        assertEquals("10.11.11.10/32", IpPrefix.parse("10.11.11.10").toString());
        assertEquals("2001:db8::1/128", IpPrefix.parse("2001:0db8:0:0:0:0:0:1").toString());
    }

    @Test
    void networkClearsTheHostBits() {
        assertEquals("10.11.11.0/24", IpPrefix.parse("10.11.11.10/24").network().toString());
        assertEquals("2001:db8::/32", IpPrefix.parse("2001:db8:1:2::9/32").network().toString());
        assertEquals("0.0.0.0/0", IpPrefix.parse("192.0.2.1/0").network().toString());
    }

    @Test
    void ipv6IsPrintedInTheRfc5952Form() {
        assertEquals("2001:db8:0:1:1:1:1:1", IpPrefix.format(IpPrefix.literal("2001:db8:0:1:1:1:1:1")));
        assertEquals("2001:db8::1:0:0:1", IpPrefix.format(IpPrefix.literal("2001:db8:0:0:1:0:0:1")));
        assertEquals("::", IpPrefix.format(IpPrefix.literal("0:0:0:0:0:0:0:0")));
    }

    @Test
    void containsMatchesOnlyTheNetworkBitsOfTheSameFamily() {
        IpPrefix prefix = IpPrefix.parse("10.1.0.0/16");
        assertTrue(prefix.contains(IpPrefix.literal("10.1.200.3")));
        assertFalse(prefix.contains(IpPrefix.literal("10.2.0.1")));
        assertFalse(prefix.contains(IpPrefix.literal("::a01:1")));
    }

    @Test
    void badTextIsRefusedWithoutAskingDns() {
        assertEquals("'vpn.example.net' is not an IP address",
                assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("vpn.example.net")).getMessage());
        assertEquals("'10.0.0.256' is not an IPv4 address",
                assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("10.0.0.256/8")).getMessage());
        assertEquals("'10.0.0.0/33': prefix length out of range 0..32",
                assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("10.0.0.0/33")).getMessage());
        assertEquals("'10.0.0.0/x': bad prefix length",
                assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("10.0.0.0/x")).getMessage());
    }
}

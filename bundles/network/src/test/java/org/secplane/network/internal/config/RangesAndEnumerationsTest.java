package org.secplane.network.internal.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.secplane.config.Outcome;

/** Value ranges and keyword sets checked when a statement is set (ipsec-srx.md §6.1 items 10, 14, 20 and others). */
class RangesAndEnumerationsTest {

    @TempDir
    Path state;

    private NetworkEngine e;

    @BeforeEach
    void open() throws Exception {
        e = new NetworkEngine(state);
    }

    @AfterEach
    void close() {
        e.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // §6.1 item 10: tcp-mss ipsec-vpn mss 64..65535, value optional
        "security flow tcp-mss ipsec-vpn mss 64",
        "security flow tcp-mss ipsec-vpn mss 65535",
        "security flow tcp-mss ipsec-vpn mss",
        "security flow tcp-mss ipsec-vpn",
        "security flow tcp-mss all-tcp-mss 64",
        "security flow tcp-mss all-tcp-mss 65535",
        // §6.1 item 14: alarm thresholds
        "security alarms potential-violation encryption-failures threshold 1",
        "security alarms potential-violation encryption-failures threshold 1000000000",
        "security alarms potential-violation ike-phase1-failures threshold 1",
        "security alarms potential-violation ike-phase1-failures threshold 1000000000",
        "security alarms potential-violation ike-phase2-failures threshold 1",
        "security alarms potential-violation ike-phase2-failures threshold 1000000000",
        "security alarms potential-violation decryption-failures threshold 1",
        "security alarms potential-violation decryption-failures threshold 1000000000",
        "security alarms potential-violation replay-attacks threshold 0",
        "security alarms potential-violation replay-attacks threshold 1000000000",
        "security alarms potential-violation replay-attacks",
        // §6.1 item 20 and D-43
        "security alarms potential-violation authentication 6",
        "security alarms potential-violation authentication 1",
        "security alarms potential-violation authentication 1000000000",
        "security alarms audible",
        "security alarms potential-violation cryptographic-self-test",
        "security alarms potential-violation non-cryptographic-self-test",
        "security alarms potential-violation key-generation-self-test",
        // interfaces
        "interfaces st0 unit 16385 family inet address 10.0.0.1/24",
        "interfaces ge-0/0/0 unit 0 vlan-id 1",
        "interfaces ge-0/0/0 unit 0 vlan-id 4094",
        "interfaces ge-0/0/0 mtu 256",
        "interfaces ge-0/0/0 mtu 9192",
        "interfaces ge-0/0/0:1 unit 0 family inet address 10.0.0.1/24",
        "interfaces fe-0/0/1 unit 0 family inet6 address 1212::1111/64",
        "interfaces reth0 unit 0 family inet address 10.0.0.1/24",
        "interfaces lo0 unit 0 family inet address 10.0.0.1",
        "interfaces so-2/2/0 encapsulation cisco-hdlc",
        "interfaces sp-3/1/0 unit 2 service-domain outside",
        // system (E11, pki.md §5.4)
        "system fips self-test periodic start-time 09:00",
        "system fips self-test periodic day-of-week 0",
        "system fips self-test periodic day-of-week 7",
        "system fips self-test periodic month 1",
        "system fips self-test periodic month 12",
        "system fips self-test periodic day-of-month 1",
        "system fips self-test periodic day-of-month 31",
        "system time-zone PST8PDT",
        "system time-zone America/New_York",
        "system time-zone UTC",
        "system host-name srx240",
        "system name-server 2001:db8::53",
        "system services ssh macs [ hmac-md5 hmac-sha1 ]",
        "system services ssh macs [ hmac-md5-96 hmac-ripemd160 hmac-sha1-96 hmac-sha2-256 hmac-sha2-256-96 hmac-sha2-512 umac-64 ]",
        "system services web-management https pki-local-certificate self-cert",
        // zones
        "security zones security-zone untrust host-inbound-traffic system-services ike",
        "security zones security-zone untrust host-inbound-traffic system-services all except",
        "security zones security-zone untrust host-inbound-traffic protocols ospf3",
        // routing
        "routing-instances VR1 instance-type virtual-router",
        "routing-instances vrf instance-type vrf",
        "routing-instances vrf route-distinguisher 192.168.0.1:1",
        "routing-instances vrf route-distinguisher 65000:1",
        "routing-instances vrf route-distinguisher 4200000000L:7",
        "routing-instances vrf vrf-target target:100:20",
        "routing-instances vrf vrf-target import target:100:21",
        "policy-options community vpn-comm members target:100:20",
        "policy-options community c members 65000:100",
        "routing-options static route 0.0.0.0/0 next-hop 1.1.1.1",
        "routing-options static route 192.168.168.0/24 next-hop st0.0",
        "routing-options rib inet6.0 static route ::/0 next-hop 1111::1112",
        "routing-options autonomous-system 4294967295",
        "protocols ospf3 area 4294967295 interface st0.0",
        "applications application a protocol tcp",
        "applications application a protocol 50",
        "applications application a destination-port 1000-2000",
        "applications application a destination-port http",
    })
    void acceptedValues(String line) {
        Outcome outcome = e.set(line);
        assertTrue(outcome.isSuccess(), line + " → " + outcome);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "security flow tcp-mss ipsec-vpn mss 63 | value 63 is not within range (64..65535)",
        "security flow tcp-mss ipsec-vpn mss 65536 | value 65536 is not within range (64..65535)",
        "security flow tcp-mss all-tcp-mss 63 | value 63 is not within range (64..65535)",
        "security alarms potential-violation encryption-failures threshold 0 | value 0 is not within range (1..1000000000)",
        "security alarms potential-violation encryption-failures threshold 1000000001 | not within range (1..1000000000)",
        "security alarms potential-violation ike-phase1-failures threshold 0 | value 0 is not within range (1..1000000000)",
        "security alarms potential-violation ike-phase2-failures threshold 0 | value 0 is not within range (1..1000000000)",
        "security alarms potential-violation decryption-failures threshold 0 | value 0 is not within range (1..1000000000)",
        "security alarms potential-violation replay-attacks threshold 1000000001 | not within range (0..1000000000)",
        "security alarms potential-violation authentication 0 | value 0 is not within range (1..1000000000)",
        "security alarms potential-violation authentication failures 6 | invalid numeric value: 'failures'",
        "interfaces st0 unit 16386 | value 16386 is not within range (0..16385)",
        "interfaces ge-0/0/0 unit 0 vlan-id 0 | not within range (1..4094)",
        "interfaces ge-0/0/0 unit 0 vlan-id 4095 | not within range (1..4094)",
        "interfaces ge-0/0/0 mtu 255 | not within range (256..9192)",
        "interfaces ge-0/0/0.0 unit 0 | 'ge-0/0/0.0' names a logical unit; configure it as 'ge-0/0/0 unit 0'",
        "interfaces GE-0/0/0 unit 0 | invalid interface name 'GE-0/0/0'",
        "interfaces so-2/2/0 encapsulation hdlc | invalid value 'hdlc'",
        "interfaces sp-3/1/0 unit 1 service-domain middle | invalid value 'middle', expecting one of (inside | outside)",
        "interfaces st0 unit 0 family inet address 10.0.0.256/24 | octet 256 > 255",
        "system fips self-test periodic day-of-week 8 | not within range (0..7)",
        "system fips self-test periodic month 13 | not within range (1..12)",
        "system fips self-test periodic day-of-month 32 | not within range (1..31)",
        "system fips self-test periodic start-time 25:00 | invalid time of day '25:00'",
        "system time-zone Mars/Olympus | unknown time zone 'Mars/Olympus'",
        "system services ssh macs hmac-sha3 | invalid value 'hmac-sha3'",
        "system name-server dns.example.net | invalid IP address",
        "security zones security-zone untrust host-inbound-traffic system-services isakmp | invalid value 'isakmp'",
        "security zones security-zone untrust host-inbound-traffic protocols eigrp | invalid value 'eigrp'",
        "security zones security-zone untrust interfaces ge-0/0/0.99999 | not within range (0..16385)",
        "routing-instances VR1 instance-type router | invalid value 'router'",
        "routing-instances vrf route-distinguisher 192.168.0.1 | invalid route distinguisher '192.168.0.1'",
        "routing-instances vrf route-distinguisher 300.1.1.1:1 | octet 300 > 255",
        "policy-options community c members Target@1 | invalid community 'Target@1'",
        "routing-options static route 0.0.0.0/0 next-hop next-router | invalid next hop 'next-router'",
        "routing-options static route 0.0.0.0 next-hop 1.1.1.1 | missing /length",
        "routing-options static route 1111::/64 next-hop 1111::1 | invalid IPv4 prefix",
        "routing-options rib inet7.0 static route ::/0 next-hop 1111::1 | invalid routing table 'inet7.0'",
        "protocols ospf3 area 4294967296 interface st0.0 | not within range (0..4294967295)",
        "applications application a protocol 256 | invalid protocol '256'",
        "applications application a destination-port 70000 | invalid port range '70000'",
        "applications application a destination-port 2000-1000 | invalid port range '2000-1000'",
        "security policies default-policy permit-some | 'permit-some' is not a statement here",
    })
    void rejectedValues(String line, String message) {
        Outcome outcome = e.set(line);
        assertFalse(outcome.isSuccess(), line + " was accepted");
        assertTrue(outcome.toString().contains(message), line + " → " + outcome);
    }
}

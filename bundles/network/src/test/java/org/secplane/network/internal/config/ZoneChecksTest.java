package org.secplane.network.internal.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commit checks of [edit security zones] and [edit security address-book] (D-36 structure). */
class ZoneChecksTest {

    @TempDir
    Path state;

    private NetworkEngine e;

    @BeforeEach
    void open() throws Exception {
        e = new NetworkEngine(state);
        e.load("set interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
                "set interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
                "set security zones security-zone trust interfaces ge-0/0/0.0",
                "set security zones security-zone untrust interfaces ge-0/0/3.0");
    }

    @AfterEach
    void close() {
        e.close();
    }

    @Test
    void zonesWithConfiguredInterfacesCommit() {
        e.assertCommits();
    }

    @Test
    void aZoneInterfaceMustBeAConfiguredUnit() {
        e.load("set security zones security-zone vpn interfaces st0.0");
        e.assertCommitError("[edit security zones security-zone vpn interfaces]", "'st0.0'",
                "error: interface st0.0 is not configured; configure it with 'set interfaces st0 unit 0 …'");
    }

    @Test
    void aUnitOfAnotherNumberIsNotConfigured() {
        e.load("set security zones security-zone trust interfaces ge-0/0/0.1");
        e.assertCommitError("interface ge-0/0/0.1 is not configured");
    }

    @Test
    void anInterfaceBelongsToOneZone() {
        e.load("set security zones security-zone untrust interfaces ge-0/0/0.0");
        e.assertCommitError("interface ge-0/0/0.0 is already in security zone 'trust'; an interface belongs to one zone only");
    }

    @Test
    void anSt0UnitOutsideEveryZoneIsAWarning() {
        e.load("set interfaces st0 unit 1 family inet address 10.11.11.10/24");
        String output = e.assertCommits();
        assertTrue(output.contains("warning: interface st0.1 is not in a security zone; traffic through it is dropped (D-38)"),
                output);
        e.load("set security zones security-zone vpn interfaces st0.1");
        assertTrue(!e.assertCommits().contains("D-38"));
    }

    @Test
    void interfaceLevelHostInboundTrafficCommits() {
        e.load("set security zones security-zone untrust interfaces ge-0/0/3.0 host-inbound-traffic system-services ike");
        e.assertCommits();
    }

    @Test
    void zoneScopedBooksAloneCommit() {
        e.load("set security zones security-zone trust address-book address sunnyvale 10.10.10.0/24",
                "set security zones security-zone untrust address-book address chicago 192.168.168.0/24");
        e.assertCommits();
    }

    @Test
    void aZoneWithAZoneBookAndAnAttachedBookFails() {
        e.load("set security zones security-zone trust address-book address sunnyvale 10.10.10.0/24",
                "set security address-book book1 address other 10.20.0.0/16",
                "set security address-book book1 attach zone trust");
        e.assertCommitError("zone 'trust' has a zone address book and the attached address book 'book1'; a zone uses one "
                + "style of address book only (D-36)");
    }

    @Test
    void aZoneBookNextToAUsedGlobalBookFails() {
        e.load("set security zones security-zone trust address-book address sunnyvale 10.10.10.0/24",
                "set security address-book global address everywhere 10.0.0.0/8");
        e.assertCommitError("zone 'trust' has a zone address book while the global address book is in use; a zone "
                + "uses one style of address book only (D-36)");
    }

    @Test
    void aBookAttachedToOneZoneAndAZoneBookInAnotherCommit() {
        e.load("set security zones security-zone trust address-book address sunnyvale 10.10.10.0/24",
                "set security address-book book2 address chicago 192.168.168.0/24",
                "set security address-book book2 attach zone untrust");
        e.assertCommits();
    }

    @Test
    void theGlobalBookCannotBeAttached() {
        e.load("set security address-book global address everywhere 10.0.0.0/8",
                "set security address-book global attach zone trust");
        e.assertCommitError("the global address book cannot be attached to zones; it is available to every zone");
    }

    @Test
    void anUnattachedNamedBookIsAWarning() {
        e.load("set security address-book lonely address x 10.0.0.0/8");
        String output = e.assertCommits();
        assertTrue(output.contains("warning: address book 'lonely' is not attached to any zone"), output);
    }

    @Test
    void attachingToAnUndefinedZoneFails() {
        e.load("set security address-book book1 address x 10.0.0.0/8",
                "set security address-book book1 attach zone nowhere");
        e.assertCommitError("security zones security-zone 'nowhere' is not defined");
    }

    @ParameterizedTest(name = "address named {0}")
    @ValueSource(strings = {"any", "any-ipv4", "any-ipv6"})
    void reservedAddressNamesFail(String name) {
        e.load("set security address-book book1 address " + name + " 10.0.0.0/8",
                "set security address-book book1 attach zone trust");
        e.assertCommitError("'" + name + "' is a reserved address name (any, any-ipv4, any-ipv6)");
    }

    @Test
    void addressSetsWithDefinedMembersCommit() {
        e.load("set security address-book book1 address a 10.1.0.0/16",
                "set security address-book book1 address b 10.2.0.0/16",
                "set security address-book book1 address-set inner address a",
                "set security address-book book1 address-set outer address b",
                "set security address-book book1 address-set outer address-set inner",
                "set security address-book book1 attach zone trust");
        e.assertCommits();
    }

    @Test
    void anAddressSetMemberMustBeInTheSameBook() {
        e.load("set security address-book book1 address a 10.1.0.0/16",
                "set security address-book book1 address-set s address b",
                "set security address-book book1 attach zone trust",
                "set security address-book book2 address b 10.2.0.0/16",
                "set security address-book book2 attach zone trust");
        e.assertCommitError("address 'b' is not defined in address book 'book1'");
    }

    @Test
    void aNestedAddressSetMustExist() {
        e.load("set security address-book book1 address a 10.1.0.0/16",
                "set security address-book book1 address-set s address-set t",
                "set security address-book book1 attach zone trust");
        e.assertCommitError("address-set 't' is not defined in address book 'book1'");
    }

    @Test
    void zoneBookAddressSetMembersResolveInTheZoneBook() {
        e.load("set security zones security-zone trust address-book address a 10.1.0.0/16",
                "set security zones security-zone trust address-book address-set s address a",
                "set security zones security-zone trust address-book address-set s address z");
        e.assertCommitError("address 'z' is not defined in zone 'trust' address book");
    }

    @Test
    void addressSetCyclesFail() {
        e.load("set security address-book book1 address a 10.1.0.0/16",
                "set security address-book book1 address-set s1 address a",
                "set security address-book book1 address-set s1 address-set s2",
                "set security address-book book1 address-set s2 address-set s1",
                "set security address-book book1 attach zone trust");
        e.assertCommitError("address-set 's1' contains itself (through nested address sets)");
    }

    @Test
    void anAddressAndASetCannotShareAName() {
        e.load("set security address-book book1 address a 10.1.0.0/16",
                "set security address-book book1 address-set a address a",
                "set security address-book book1 attach zone trust");
        e.assertCommitError("address-set 'a' has the name of an address of the same book");
    }

    @Test
    void anAddressNeedsAValue() {
        e.load("set security address-book book1 address a description \"no prefix\"",
                "set security address-book book1 attach zone trust");
        e.assertCommitError("address 'a' needs a value: an IP prefix, dns-name, range-address or wildcard-address");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dns-name www.example.net ipv4-only", "range-address 10.0.0.1 to 10.0.0.9",
        "range-address 2001:db8::1 to 2001:db8::9", "wildcard-address 10.0.0.1/255.0.255.255", "1212::abcd/64",
        "10.0.0.1"})
    void addressValuesCommit(String value) {
        e.load("set security address-book book1 address a " + value, "set security address-book book1 attach zone trust");
        e.assertCommits();
    }

    @Test
    void aReversedRangeFails() {
        e.load("set security address-book book1 address a range-address 10.0.0.9 to 10.0.0.1",
                "set security address-book book1 attach zone trust");
        e.assertCommitError("range-address lower bound 10.0.0.9 is above the upper bound 10.0.0.1");
    }

    @Test
    void aMixedFamilyRangeFails() {
        e.load("set security address-book book1 address a range-address 10.0.0.1 to 2001:db8::1",
                "set security address-book book1 attach zone trust");
        e.assertCommitError("range-address bounds must be of one address family");
    }

    @Test
    void aBadWildcardFails() {
        e.load("set security address-book book1 address a wildcard-address 10.0.0.1",
                "set security address-book book1 attach zone trust");
        e.assertCommitError("wildcard-address needs ipv4-address/wildcard-mask");
    }
}

package org.secplane.servicesipsec.internal.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigView;
import org.secplane.config.Outcome;

/** {@code [edit services ipsec-vpn]} and {@code [edit services service-set]}: spec §3.2 and Appendix D items 1, 9, 10, 12, 19. */
class ServicesIpsecVpnTest {

    static final String IKE = "ike { proposal p1 { authentication-method pre-shared-keys; dh-group group2; "
            + "authentication-algorithm sha1; encryption-algorithm 3des-cbc; } "
            + "policy ikepol { proposals p1; pre-shared-key ascii-text secret123; } }";
    static final String IPSEC = "ipsec { proposal esp1 { protocol esp; authentication-algorithm hmac-sha1-96; "
            + "encryption-algorithm 3des-cbc; } policy ipsecpol { proposals esp1; } }";
    static final String MANUAL = "manual { " + ManualSaTest.direction("inbound", "esp", 300) + " "
            + ManualSaTest.direction("outbound", "esp", 301) + " }";
    static final String INTERFACES = "interfaces { so-2/2/0 { unit 0 { family inet { address 21.21.1.1/16; } } } "
            + "sp-3/1/0 { unit 0 { family inet { address 7.7.7.7/32; } } unit 1 { family inet; service-domain inside; } "
            + "unit 2 { family inet; service-domain outside; } } }";

    @TempDir
    Path state;
    Fixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new Fixture(state);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    static String services(String ipsecVpnBody) {
        return "services { ipsec-vpn { " + ipsecVpnBody + " } }";
    }

    /** A rule r1 with one term whose {@code then} is {@code then}, plus the IKE and IPsec policies. */
    static String term(String then) {
        return services(IKE + " " + IPSEC + " rule r1 { match-direction input; term t1 { then { " + then + " } } }");
    }

    // ---------------------------------------------------------------- item 9 and V-S01, V-S02: lifetimes

    @ParameterizedTest(name = "{0} lifetime-seconds {1} accepted={2}")
    @CsvSource({"ike,179,false", "ike,180,true", "ike,86400,true", "ike,86401,false",
        "ipsec,179,false", "ipsec,180,true", "ipsec,86400,true", "ipsec,86401,false"})
    void lifetimeSecondsMustBeWithin180To86400(String section, int value, boolean accepted) {
        String text = section.equals("ike")
                ? services("ike { proposal p { lifetime-seconds " + value + "; } }")
                : services("ipsec { proposal p { encryption-algorithm des-cbc; lifetime-seconds " + value + "; } }");
        if (accepted) {
            fixture.assertCommitsCleanly(text);
        } else {
            fixture.assertLoadError(text, "'lifetime-seconds': value " + value + " is not within range (180..86400)");
        }
    }

    // ---------------------------------------------------------------- item 10 and V-S03, V-S04, V-S06, V-S07: enumerations

    static Stream<Arguments> enumerations() {
        return Stream.of(
                Arguments.of("ike proposal p", "authentication-algorithm", "md5", "md5"),
                Arguments.of("ike proposal p", "authentication-algorithm", "sha1", "sha1"),
                Arguments.of("ike proposal p", "authentication-algorithm", "sha-256", null),
                Arguments.of("ike proposal p", "authentication-method", "dsa-signatures", "dsa-signatures"),
                Arguments.of("ike proposal p", "authentication-method", "pre-shared-keys", "pre-shared-keys"),
                Arguments.of("ike proposal p", "authentication-method", "pre-shared-key", "pre-shared-keys"),
                Arguments.of("ike proposal p", "authentication-method", "rsa-signatures", "rsa-signatures"),
                Arguments.of("ike proposal p", "authentication-method", "ecdsa-signatures-256", null),
                Arguments.of("ike proposal p", "dh-group", "group1", "group1"),
                Arguments.of("ike proposal p", "dh-group", "group2", "group2"),
                Arguments.of("ike proposal p", "dh-group", "group5", null),
                Arguments.of("ike proposal p", "dh-group", "group3", null),
                Arguments.of("ike proposal p", "dh-group", "group14", null),
                Arguments.of("ike proposal p", "dh-group", "group19", null),
                Arguments.of("ike proposal p", "encryption-algorithm", "3des-cbc", "3des-cbc"),
                Arguments.of("ike proposal p", "encryption-algorithm", "des-cbc", "des-cbc"),
                Arguments.of("ike proposal p", "encryption-algorithm", "aes-128-cbc", null),
                Arguments.of("ike policy p", "mode", "main", "main"),
                Arguments.of("ike policy p", "mode", "aggressive", "aggressive"),
                Arguments.of("ike policy p", "mode", "quick", null),
                Arguments.of("ipsec proposal p", "protocol", "ah", "ah"),
                Arguments.of("ipsec proposal p", "protocol", "esp", "esp"),
                Arguments.of("ipsec proposal p", "protocol", "bundle", "bundle"),
                Arguments.of("ipsec proposal p", "protocol", "gre", null),
                Arguments.of("ipsec proposal p", "authentication-algorithm", "hmac-md5-96", "hmac-md5-96"),
                Arguments.of("ipsec proposal p", "authentication-algorithm", "hmac-sha1-96", "hmac-sha1-96"),
                Arguments.of("ipsec proposal p", "authentication-algorithm", "hmac-sha-256-128", null),
                Arguments.of("ipsec proposal p", "encryption-algorithm", "3des-cbc", "3des-cbc"),
                Arguments.of("ipsec proposal p", "encryption-algorithm", "des-cbc", "des-cbc"),
                Arguments.of("ipsec proposal p", "encryption-algorithm", "aes-256-gcm", null),
                Arguments.of("ipsec policy p perfect-forward-secrecy", "keys", "group1", "group1"),
                Arguments.of("ipsec policy p perfect-forward-secrecy", "keys", "group2", "group2"),
                Arguments.of("ipsec policy p perfect-forward-secrecy", "keys", "group5", null),
                Arguments.of("rule r", "match-direction", "input", "input"),
                Arguments.of("rule r", "match-direction", "output", "output"),
                Arguments.of("rule r", "match-direction", "both", null));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("enumerations")
    void seedEnumerationsAreAcceptedAndShownCanonicallyOthersAreRefused(String at, String statement, String value,
            String shown) {
        Outcome outcome = fixture.loadSet("set services ipsec-vpn " + at + " " + statement + " " + value);
        if (shown == null) {
            assertFalse(outcome.isSuccess(), outcome.toString());
            assertTrue(outcome.toString().contains("'" + statement + "': invalid value '" + value + "', expecting one of"),
                    outcome.toString());
        } else {
            assertTrue(outcome.isSuccess(), outcome.toString());
            assertTrue(fixture.show().contains(statement + " " + shown + ";"), fixture.show());
        }
    }

    // ---------------------------------------------------------------- V-S05: IPsec proposal protocol and algorithms

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "protocol ah; authentication-algorithm hmac-md5-96; encryption-algorithm des-cbc;|encryption-algorithm cannot be configured with protocol ah",
        "protocol ah;|protocol ah needs 'authentication-algorithm'",
        "protocol ah; authentication-algorithm hmac-md5-96;|",
        "protocol bundle; authentication-algorithm hmac-md5-96;|protocol bundle needs 'encryption-algorithm' (used by ESP)",
        "protocol bundle; encryption-algorithm des-cbc;|protocol bundle needs 'authentication-algorithm' (used by AH)",
        "protocol bundle; authentication-algorithm hmac-md5-96; encryption-algorithm des-cbc;|",
        "protocol esp;|protocol esp needs 'authentication-algorithm', 'encryption-algorithm' or both",
        "protocol esp; encryption-algorithm des-cbc;|",
        "protocol esp; authentication-algorithm hmac-sha1-96;|",
        "description \"no protocol: esp\";|protocol esp needs 'authentication-algorithm', 'encryption-algorithm' or both",
        "encryption-algorithm 3des-cbc;|"})
    void ipsecProposalAlgorithmsMustSuitItsProtocol(String body, String error) {
        String text = services("ipsec { proposal p { " + body + " } }");
        if (error == null) {
            fixture.assertCommitsCleanly(text);
        } else {
            fixture.assertCommitError(text, error);
        }
    }

    // ---------------------------------------------------------------- terms: V-S14, V-S15, V-S16, V-S19, V-S21 (item 12)

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "remote-gateway 192.0.2.2; dynamic { ike-policy ikepol; ipsec-policy ipsecpol; }|",
        "remote-gateway 192.0.2.2; dynamic { ike-policy ikepol; }|",
        "remote-gateway 192.0.2.2; dynamic { ipsec-policy ipsecpol; }|dynamic SA needs 'ike-policy'",
        "remote-gateway 192.0.2.2; dynamic;|dynamic SA needs 'ike-policy'",
        "remote-gateway 192.0.2.2; syslog;|term needs an action: 'then dynamic { … }' or 'then manual { … }'",
        "dynamic { ike-policy ikepol; }|term needs 'remote-gateway'",
        "remote-gateway 192.0.2.2; backup-remote-gateway 192.0.2.3; dynamic { ike-policy ikepol; } clear-dont-fragment-bit; no-anti-replay; syslog;|",
        "backup-remote-gateway 192.0.2.3; dynamic { ike-policy ikepol; }|backup-remote-gateway needs 'remote-gateway'",
        "remote-gateway 192.0.2.2; backup-remote-gateway 192.0.2.2; dynamic { ike-policy ikepol; }|backup-remote-gateway must differ from remote-gateway 192.0.2.2",
        "remote-gateway 192.0.2.2; backup-remote-gateway 192.0.2.3; " + "MANUAL" + "|backup-remote-gateway needs a dynamic SA",
        "remote-gateway 192.0.2.2; MANUAL|",
        "remote-gateway 192.0.2.2; MANUAL clear-dont-fragment-bit; no-anti-replay; syslog;|"})
    void termNeedsOneActionAndItsPeers(String then, String error) {
        String text = term(then.replace("MANUAL", MANUAL));
        if (error == null) {
            fixture.assertCommitsCleanly(text);
        } else {
            fixture.assertCommitError(text, error);
        }
    }

    @Test
    void termWithoutThenHasNoAction() {
        fixture.assertCommitError(services("rule r1 { match-direction input; term t1 { from { source-address 10.0.0.0/8; } } }"),
                "term needs an action");
    }

    @Test
    void manualAndDynamicReplaceEachOther() {
        assertTrue(fixture.loadSet("set services ipsec-vpn rule r1 term t1 then manual direction bidirectional protocol esp",
                "set services ipsec-vpn rule r1 term t1 then dynamic ike-policy ikepol").isSuccess());
        String shown = fixture.show();
        assertTrue(shown.contains("dynamic {"), shown);
        assertFalse(shown.contains("manual"), shown);
    }

    @Test
    void remoteGatewayIsAnIpv4Address() {
        fixture.assertLoadError(term("remote-gateway 192.0.2; dynamic { ike-policy ikepol; }"), "'remote-gateway'");
    }

    // ---------------------------------------------------------------- rules: V-S17, V-S18, V-S26

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "term t1 { then { remote-gateway 192.0.2.2; dynamic { ike-policy ikepol; } } }|Missing mandatory statement: 'match-direction'",
        "match-direction input;|rule needs at least one 'term'",
        "match-direction output; term t1 { then { remote-gateway 192.0.2.2; dynamic { ike-policy ikepol; } } }|"})
    void ruleNeedsMatchDirectionAndATerm(String body, String error) {
        String text = services(IKE + " rule r1 { " + body + " }");
        if (error == null) {
            fixture.assertCommitsCleanly(text);
        } else {
            fixture.assertCommitError(text, error);
        }
    }

    @ParameterizedTest(name = "from {0} -> accepted={1}")
    @CsvSource(delimiter = '|', value = {"source-address 10.1.0.0/16;|true", "destination-address 10.1.1.1;|true",
        "source-address 10.1.0.0/16; source-address 10.2.0.0/16; destination-address 8.8.8.1/32;|true",
        "source-address 10.1.0.0/33;|false", "destination-address 2001:db8::/32;|false", "source-address any;|false"})
    void fromAddressesAreIpv4Prefixes(String from, boolean accepted) {
        String text = term("remote-gateway 192.0.2.2; dynamic { ike-policy ikepol; }")
                .replace("term t1 {", "term t1 { from { " + from + " }");
        if (accepted) {
            fixture.assertCommitsCleanly(text);
        } else {
            assertFalse(fixture.load(text).isSuccess());
        }
    }

    // ---------------------------------------------------------------- references: V-S08..V-S13

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ike { policy x { proposals nosuch; pre-shared-key ascii-text k; } }|services ipsec-vpn ike proposal 'nosuch' is not defined",
        "ipsec { policy x { proposals nosuch; } }|services ipsec-vpn ipsec proposal 'nosuch' is not defined",
        "rule r { match-direction input; term t { then { remote-gateway 192.0.2.2; dynamic { ike-policy nosuch; } } } }|services ipsec-vpn ike policy 'nosuch' is not defined",
        "IKE rule r { match-direction input; term t { then { remote-gateway 192.0.2.2; dynamic { ike-policy ikepol; ipsec-policy nosuch; } } } }|services ipsec-vpn ipsec policy 'nosuch' is not defined",
        "rule-set rs { rule nosuch; }|services ipsec-vpn rule 'nosuch' is not defined"})
    void referencesMustNameConfiguredObjects(String body, String error) {
        fixture.assertCommitError(services(body.replace("IKE", IKE)), error);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ipsec-vpn-rules nosuch;|services ipsec-vpn rule 'nosuch' is not defined",
        "ipsec-vpn-rule-sets nosuch;|services ipsec-vpn rule-set 'nosuch' is not defined"})
    void serviceSetRulesAndRuleSetsMustExist(String statement, String error) {
        fixture.assertCommitError(INTERFACES + " services { service-set s1 { ipsec-vpn-options { local-gateway 21.21.1.1; } "
                + statement + " } }", error);
    }

    // ---------------------------------------------------------------- IKE policies: V-S20, V-S22, V-S23, V-S24, V-S25, PSK

    @ParameterizedTest(name = "[{0}] [{1}] -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "|pre-shared-key ascii-text abcd;|clean|",
        "||error|IKE policy has no 'proposals', so the implicit IKE proposals (pre-shared keys) apply, but it has no 'pre-shared-key'",
        "authentication-method pre-shared-keys;|proposals p;|error|IKE policy uses pre-shared-keys proposals (p) but has no 'pre-shared-key'",
        "dh-group group1;|proposals p;|error|IKE policy uses pre-shared-keys proposals (p) but has no 'pre-shared-key'",
        "authentication-method pre-shared-keys;|proposals p; pre-shared-key hexadecimal 0102030abbcd;|clean|",
        "authentication-method pre-shared-keys;|proposals p; pre-shared-key hexadecimal 0x0102030abbcd;|clean|",
        "authentication-method pre-shared-keys;|proposals p; pre-shared-key hexadecimal 0102030abbc;|error|hexadecimal pre-shared key needs an even number of digits (whole bytes); it has 11",
        "authentication-method rsa-signatures;|proposals p; local-certificate c.pem; local-key-pair k.key;|clean|",
        "authentication-method rsa-signatures;|proposals p;|warning|IKE policy uses signature proposals (p rsa-signatures) but has no 'local-certificate' and 'local-key-pair'",
        "authentication-method dsa-signatures;|proposals p; local-certificate c.pem;|warning|IKE policy uses signature proposals (p dsa-signatures) but has no 'local-key-pair'",
        "authentication-method rsa-signatures;|proposals p; local-key-pair k.key;|warning|IKE policy uses signature proposals (p rsa-signatures) but has no 'local-certificate';"})
    void ikePolicyNeedsThePreSharedKeyOrCertificateItsProposalsUse(String proposal, String policy, String outcome,
            String message) {
        String text = services("ike { proposal p { " + (proposal == null ? "" : proposal) + " } policy pol { "
                + (policy == null ? "" : policy) + " } }");
        switch (outcome) {
            case "error" -> fixture.assertCommitError(text, message);
            case "warning" -> fixture.assertCommitWarning(text, message);
            default -> fixture.assertCommitsCleanly(text);
        }
    }

    @ParameterizedTest(name = "{0} -> accepted={1}")
    @CsvSource(delimiter = '|', value = {
        "local-id { ipv4_addr [ 10.1.1.1 10.1.1.2 ]; key_id [ abc \"key one\" ]; }|true",
        "remote-id { ipv4_addr 10.1.1.3; key_id peer; }|true",
        "local-id { ipv4_addr 10.1.1; }|false",
        "remote-id { ipv4_addr peer.example.com; }|false"})
    void localAndRemoteIdentities(String statement, boolean accepted) {
        String text = services("ike { policy pol { " + statement + " pre-shared-key ascii-text abcd; } }");
        if (accepted) {
            fixture.assertCommitsCleanly(text);
        } else {
            fixture.assertLoadError(text, "'ipv4_addr'");
        }
    }

    @Test
    void namesMayBeAddressesAndKeywords() {
        fixture.assertCommitsCleanly(services("ike { policy 10.1.1.2 { pre-shared-key ascii-text abcd; } "
                + "policy ike-policy { pre-shared-key ascii-text abcd; } } ipsec { policy ipsec-policy; } "
                + "rule rule-1 { match-direction input; term term-1 { then { remote-gateway 21.21.2.1; "
                + "dynamic { ike-policy ike-policy; ipsec-policy ipsec-policy; } } } }"));
    }

    // ---------------------------------------------------------------- item 19 / D-5: aliases shown canonically

    @Test
    void docSpellingsAreAcceptedAndShownInCanonicalForm() {
        fixture.assertCommits(services("ike { proposal p1 { authentication-method pre-shared-key; } "
                + "proposal p2 { authentication-method pre-shared-keys; } "
                + "policy pol { proposal [ p1 p2 ]; pre-shared-key ascii-text abcd; } } "
                + "ipsec { proposal e { encryption-algorithm des-cbc; } policy ip { perfect-forward-security { keys group2; } proposals e; } } "
                + "rule r { match-direction input; term t { then { remote-gateway 192.0.2.2; manual { "
                + "direction bi-directional { protocol esp; spi 300; " + ManualSaTest.AUTH + " } } } } }"));
        String shown = fixture.show();
        assertTrue(shown.contains("authentication-method pre-shared-keys;"), shown);
        assertFalse(shown.contains("pre-shared-key;"), shown);
        assertTrue(shown.contains("proposals [ p1 p2 ];"), shown);
        assertTrue(shown.contains("perfect-forward-secrecy {"), shown);
        assertFalse(shown.contains("perfect-forward-security"), shown);
        assertTrue(shown.contains("direction bidirectional {"), shown);
        assertFalse(shown.contains("bi-directional"), shown);
    }

    // ---------------------------------------------------------------- rule sets (A18, D-25)

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"rule r2; rule r1;", "rule [ r2 r1 ];"})
    void ruleSetAcceptsOneRulePerLineOrAListAndKeepsTheOrder(String rules) {
        String rule = " match-direction input; term t { then { remote-gateway 192.0.2.2; dynamic { ike-policy ikepol; } } } ";
        fixture.assertCommitsCleanly(services(IKE + " rule r1 {" + rule + "} rule r2 {" + rule + "} rule-set rs { " + rules + " }"));
        assertTrue(fixture.show().contains("rule [ r2 r1 ];"), fixture.show());
    }

    // ---------------------------------------------------------------- service sets: V-S27, interfaces, local gateway

    static String serviceSet(String body) {
        return INTERFACES + " services { ipsec-vpn { " + IKE + " rule r1 { match-direction input; term t1 { then { "
                + "remote-gateway 21.21.2.1; dynamic { ike-policy ikepol; } } } } rule-set rs { rule r1; } } "
                + "service-set s1 { " + body + " } }";
    }

    @ParameterizedTest(name = "[{0}] -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "ipsec-vpn { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; next-hop-service { inside-service-interface sp-3/1/0.1; outside-service-interface sp-3/1/0.2; }|clean|",
        "ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rule-sets rs; next-hop-service { inside-service-interface sp-3/1/0.1; outside-service-interface sp-3/1/0.2; }|clean|",
        "ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; interface-service { service-interface sp-3/1/0; }|clean|",
        "ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; interface-service { service-interface sp-3/1/0.0; }|clean|",
        "ipsec-vpn-rules r1; interface-service { service-interface sp-3/1/0; }|error|service set applies IPsec rules but has no local gateway",
        "ipsec-vpn-rule-sets rs; interface-service { service-interface sp-3/1/0; }|error|service set applies IPsec rules but has no local gateway",
        "interface-service { service-interface sp-3/1/0; }|clean|",
        "ipsec-vpn-options { local-gateway 21.21.9.9; } ipsec-vpn-rules r1; interface-service { service-interface sp-3/1/0; }|warning|local-gateway 21.21.9.9 is not an address of any configured interface",
        "ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; next-hop-service { inside-service-interface so-2/2/0.0; outside-service-interface sp-3/1/0.2; }|error|so-2/2/0.0 is not a services PIC interface (sp-fpc/pic/port)",
        "ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; next-hop-service { inside-service-interface sp-3/1/0.5; outside-service-interface sp-3/1/0.2; }|error|interface sp-3/1/0.5 is not configured",
        "ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; next-hop-service { inside-service-interface sp-3/1/0.2; outside-service-interface sp-3/1/0.1; }|error|interface sp-3/1/0.2 needs 'service-domain inside' to be the inside interface of a next-hop service set (it has service-domain outside)",
        "ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; next-hop-service { inside-service-interface sp-3/1/0.1; outside-service-interface sp-3/1/0.0; }|error|interface sp-3/1/0.0 needs 'service-domain outside'",
        "ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; next-hop-service { inside-service-interface sp-3/1/0.1; outside-service-interface sp-3/1/0.1; }|error|inside and outside service interfaces must be different units",
        "ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; next-hop-service { inside-service-interface sp-3/1/0.1; }|error|Missing mandatory statement: 'outside-service-interface'",
        "ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; interface-service { service-interface sp-4/0/0; }|error|interface sp-4/0/0 is not configured"})
    void serviceSets(String body, String outcome, String message) {
        String text = serviceSet(body);
        switch (outcome) {
            case "error" -> fixture.assertCommitError(text, message);
            case "warning" -> fixture.assertCommitWarning(text, message);
            default -> fixture.assertCommitsCleanly(text);
        }
    }

    @Test
    void nextHopServiceInterfacesNeedAUnit() {
        fixture.assertLoadError(serviceSet("next-hop-service { inside-service-interface sp-3/1/0; }"),
                "interface 'sp-3/1/0' needs a logical unit");
    }

    @Test
    void ipsecVpnAndIpsecVpnOptionsAreOneChoiceAsAreNextHopAndInterfaceStyle() {
        assertTrue(fixture.loadSet("set services service-set s1 ipsec-vpn local-gateway 21.21.1.1",
                "set services service-set s1 ipsec-vpn-options local-gateway 21.21.1.2",
                "set services service-set s1 next-hop-service inside-service-interface sp-3/1/0.1",
                "set services service-set s1 interface-service service-interface sp-3/1/0").isSuccess());
        String shown = fixture.show();
        assertTrue(shown.contains("ipsec-vpn-options {\n            local-gateway 21.21.1.2;"), shown);
        assertFalse(shown.contains("ipsec-vpn {"), shown);
        assertTrue(shown.contains("interface-service {"), shown);
        assertFalse(shown.contains("next-hop-service"), shown);
    }

    // ---------------------------------------------------------------- V-S28 / D-16: SPI uniqueness per local gateway

    static String twoRules(String serviceSets, String secondRemote) {
        String in300 = ManualSaTest.direction("inbound", "esp", 300);
        return INTERFACES + " interfaces { so-2/2/1 { unit 0 { family inet { address 21.22.1.1/16; } } } } services { ipsec-vpn { "
                + "rule r1 { match-direction input; term t { then { remote-gateway 21.21.2.1; manual { " + in300 + " "
                + ManualSaTest.direction("outbound", "esp", 400) + " } } } } "
                + "rule r2 { match-direction input; term t { then { remote-gateway " + secondRemote + "; manual { " + in300 + " "
                + ManualSaTest.direction("outbound", "esp", 400) + " } } } } "
                + "rule-set both { rule [ r1 r2 ]; } } " + serviceSets + " }";
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "two service sets, one local gateway|service-set s1 { ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; } service-set s2 { ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r2; }|duplicate SPI: (esp, 300) is already used by the receive-side SA at [services ipsec-vpn rule r1 term t then manual direction inbound]; each manual SA needs a unique SPI and protocol combination (local-gateway 21.21.1.1)",
        "one service set, one rule set|service-set s1 { ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rule-sets both; }|duplicate SPI: (esp, 300)",
        "one service set, two rules|service-set s1 { ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules [ r1 r2 ]; }|duplicate SPI: (esp, 300)",
        "two local gateways|service-set s1 { ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; } service-set s2 { ipsec-vpn-options { local-gateway 21.22.1.1; } ipsec-vpn-rules r2; }|",
        "rules used by no service set||"})
    void receiveSideSpisAreUniquePerLocalGateway(String description, String serviceSets, String error) {
        String text = twoRules(serviceSets == null ? "" : serviceSets, "21.21.2.2");
        if (error == null) {
            fixture.assertNoWarning(text, "duplicate SPI");
        } else {
            fixture.assertCommitError(text, error);
        }
    }

    @Test
    void sendSideSpisAreUniquePerPeer() {
        String sets = "service-set s1 { ipsec-vpn-options { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; } "
                + "service-set s2 { ipsec-vpn-options { local-gateway 21.22.1.1; } ipsec-vpn-rules r2; }";
        fixture.assertNoWarning(twoRules(sets, "21.21.2.2"), "duplicate SPI");
        fixture.load("services { ipsec-vpn { rule r2 { term t { then { remote-gateway 21.21.2.1; } } } } }");
        Outcome samePeer = fixture.check();
        assertFalse(samePeer.isSuccess(), samePeer.toString());
        assertTrue(samePeer.toString().contains("duplicate SPI: (esp, 400) toward peer 21.21.2.1 is already used by the "
                + "send-side SA"), samePeer.toString());
    }

    // ---------------------------------------------------------------- items 1, V-S29: defaults and Config Admin objects

    @Test
    void projectionCarriesDefaultsAndOneObjectPerConfiguredEntry() {
        fixture.assertCommitsCleanly(serviceSet("ipsec-vpn { local-gateway 21.21.1.1; } ipsec-vpn-rules r1; "
                + "next-hop-service { inside-service-interface sp-3/1/0.1; outside-service-interface sp-3/1/0.2; }")
                .replace("rule-set rs", "ipsec { proposal e { encryption-algorithm des-cbc; } policy ip { proposals e; } } rule-set rs")
                .replace("ike { proposal p1 {", "ike { proposal bare; proposal p1 {"));
        assertTrue(fixture.session.commit(CommitRequest.commit("")).isSuccess());
        Map<String, Map<String, Object>> objects = fixture.engine.projection().stream()
                .collect(Collectors.toMap(o -> o.factoryPid() + "/" + o.name(), o -> o.properties()));
        assertEquals(java.util.Set.of("org.secplane.services.ipsec-vpn.ike-proposal/bare",
                "org.secplane.services.ipsec-vpn.ike-proposal/p1", "org.secplane.services.ipsec-vpn.ike-policy/ikepol",
                "org.secplane.services.ipsec-vpn.ipsec-proposal/e", "org.secplane.services.ipsec-vpn.ipsec-policy/ip",
                "org.secplane.services.ipsec-vpn.rule/r1", "org.secplane.services.ipsec-vpn.rule-set/rs",
                "org.secplane.services.service-set/s1"), objects.keySet());
        Map<String, Object> bare = objects.get("org.secplane.services.ipsec-vpn.ike-proposal/bare");
        assertEquals("3600", bare.get("lifetime-seconds"));
        assertEquals("pre-shared-keys", bare.get("authentication-method"));
        assertEquals("group2", bare.get("dh-group"));
        assertEquals("sha1", bare.get("authentication-algorithm"));
        assertEquals("3des-cbc", bare.get("encryption-algorithm"));
        Map<String, Object> ipsecProposal = objects.get("org.secplane.services.ipsec-vpn.ipsec-proposal/e");
        assertEquals("28800", ipsecProposal.get("lifetime-seconds"));
        assertEquals("esp", ipsecProposal.get("protocol"));
        assertEquals("main", objects.get("org.secplane.services.ipsec-vpn.ike-policy/ikepol").get("mode"));
        assertTrue(((String) objects.get("org.secplane.services.ipsec-vpn.ike-policy/ikepol").get("pre-shared-key.ascii-text"))
                .startsWith("$8$"), "secrets stay sealed in Config Admin");
        assertEquals("21.21.2.1", objects.get("org.secplane.services.ipsec-vpn.rule/r1").get("term.t1.then.remote-gateway"));
        assertArrayEquals(new String[] {"r1"}, (String[]) objects.get("org.secplane.services.service-set/s1").get("ipsec-vpn-rules"));
    }

    // ---------------------------------------------------------------- Appendix C / item 18: the $9$ PSK of EX-6

    @Test
    void theExample6PreSharedKeyDecodesToAbcd() throws Exception {
        AtomicReference<String> clear = new AtomicReference<>();
        CommitCheck capture = context -> {
            ConfigView psk = context.candidate()
                    .find("services", "ipsec-vpn", "ike", "policy", "pre-shared-key", "ascii-text").orElseThrow();
            byte[] bytes = context.revealSecret(psk);
            clear.set(new String(bytes, StandardCharsets.US_ASCII));
            Arrays.fill(bytes, (byte) 0);
        };
        try (Fixture withCapture = new Fixture(state.resolve("capture"), capture)) {
            withCapture.assertCommitsCleanly(services("ike { policy ike-policy { pre-shared-key ascii-text \"$9$ExmcSeMWxdVYBI\"; } }"));
            assertEquals("abcd", clear.get());
            String shown = withCapture.show();
            assertTrue(shown.contains("pre-shared-key ascii-text \"$9$"), shown);
            assertTrue(shown.contains("## SECRET-DATA"), shown);
            assertFalse(shown.contains("ascii-text abcd"), shown);
        }
    }
}

package org.secplane.pki.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.secplane.config.Outcome;

/** What {@code set} accepts and refuses in {@code [edit security pki]}: ranges (§4.20), enumerations, aliases, value types. */
class PkiValuesTest {

    @TempDir
    Path state;

    private PkiHarness pki;

    @BeforeEach
    void open() throws Exception {
        pki = new PkiHarness(state);
    }

    @AfterEach
    void close() {
        pki.close();
    }

    private static final String PROFILE = "security pki ca-profile p1 ";
    private static final String AUTO = "security pki auto-re-enrollment certificate-id c1 ";

    @ParameterizedTest(name = "{0} {1} is accepted")
    @CsvSource({
        PROFILE + "enrollment retry, 0",
        PROFILE + "enrollment retry, 1080",
        PROFILE + "enrollment retry-interval, 0",
        PROFILE + "enrollment retry-interval, 3600",
        PROFILE + "revocation-check crl refresh-interval, 0",
        PROFILE + "revocation-check crl refresh-interval, 8784",
        AUTO + "re-enroll-trigger-time-percentage, 1",
        AUTO + "re-enroll-trigger-time-percentage, 99",
        "security pki traceoptions file files, 2",
        "security pki traceoptions file files, 1000",
        "security pki traceoptions file size, 10240",
        "security pki traceoptions file size, 10k",
        "security pki traceoptions file size, 1g",
        "security pki traceoptions file size, 1073741824",
    })
    void rangeBoundaryInsideIsAccepted(String statement, String value) {
        Outcome outcome = pki.set(statement + " " + value);
        assertTrue(outcome.isSuccess(), outcome.toString());
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource(delimiter = '|', value = {
        PROFILE + "enrollment retry | 1081 | 'retry': value 1081 is not within range (0..1080)",
        PROFILE + "enrollment retry | -1 | 'retry': value -1 is not within range (0..1080)",
        PROFILE + "enrollment retry-interval | 3601 | 'retry-interval': value 3601 is not within range (0..3600)",
        PROFILE + "enrollment retry-interval | -1 | 'retry-interval': value -1 is not within range (0..3600)",
        PROFILE + "revocation-check crl refresh-interval | 8785 | 'refresh-interval': value 8785 is not within range (0..8784)",
        PROFILE + "revocation-check crl refresh-interval | -1 | 'refresh-interval': value -1 is not within range (0..8784)",
        AUTO + "re-enroll-trigger-time-percentage | 0 | 're-enroll-trigger-time-percentage': value 0 is not within range (1..99)",
        AUTO + "re-enroll-trigger-time-percentage | 100 | 're-enroll-trigger-time-percentage': value 100 is not within range (1..99)",
        "security pki traceoptions file files | 1 | 'files': value 1 is not within range (2..1000)",
        "security pki traceoptions file files | 1001 | 'files': value 1001 is not within range (2..1000)",
        "security pki traceoptions file size | 10239 | 'size': size 10239 is not within range (10240..1073741824 bytes)",
        "security pki traceoptions file size | 9k | 'size': size 9k is not within range (10240..1073741824 bytes)",
        "security pki traceoptions file size | 1073741825 | 'size': size 1073741825 is not within range (10240..1073741824 bytes)",
        PROFILE + "enrollment retry | ten | 'retry': invalid numeric value: 'ten'",
    })
    void rangeBoundaryOutsideIsRefusedWithTheRange(String statement, String value, String message) {
        Outcome outcome = pki.set(statement + " " + value);
        assertFalse(outcome.isSuccess());
        assertTrue(outcome.toString().endsWith(message), outcome.toString());
        assertEquals("", pki.show(""), "a refused set changes nothing");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        PROFILE + "revocation-check ocsp connection-failure, disable",
        PROFILE + "revocation-check ocsp connection-failure, fallback-crl",
        PROFILE + "revocation-check ocsp nonce-payload, enable",
        PROFILE + "revocation-check ocsp nonce-payload, disable",
        "security pki traceoptions flag, all",
        "security pki traceoptions flag, certificate-verification",
        "security pki traceoptions flag, online-crl-check",
    })
    void everyEnumerationValueIsAccepted(String statement, String value) {
        Outcome outcome = pki.set(statement + " " + value);
        assertTrue(outcome.isSuccess(), outcome.toString());
        assertTrue(pki.show("").contains(value), pki.show(""));
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource(delimiterString = "=>", value = {
        PROFILE + "revocation-check ocsp connection-failure => fail => invalid value 'fail', expecting one of (disable | fallback-crl)",
        PROFILE + "revocation-check ocsp nonce-payload => on => invalid value 'on', expecting one of (enable | disable)",
        "security pki traceoptions flag => certificates"
                + " => invalid value 'certificates', expecting one of (all | certificate-verification | online-crl-check)",
    })
    void unknownEnumerationValueIsRefused(String statement, String value, String message) {
        Outcome outcome = pki.set(statement + " " + value);
        assertFalse(outcome.isSuccess());
        assertTrue(outcome.toString().endsWith(message), outcome.toString());
    }

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource(delimiter = '|', value = {
        PROFILE + "administrator email-address certadmin@labdomain.com | e-mail-address certadmin@labdomain.com;",
        PROFILE + "administrator e-mail-address certadmin@labdomain.com | e-mail-address certadmin@labdomain.com;",
        PROFILE + "revocation-check ocsf nonce-payload disable | ocsp {",
        PROFILE + "revocation-check ocsp nonce-payload disable | ocsp {",
    })
    void aliasIsAcceptedAndShownInTheCanonicalSpelling(String line, String shown) {
        assertTrue(pki.set(line).isSuccess(), pki.set(line).toString());
        String text = pki.show("security pki");
        assertTrue(text.contains(shown), text);
        assertFalse(text.contains("email-address"), text);
        assertFalse(text.contains("ocsf"), text);
    }

    @ParameterizedTest(name = "crl url {0}")
    @ValueSource(strings = {
        "http://www.my-ca.com/my-crl.crl",
        "http://labsrv1.labdomain.com/CertEnroll/LABDOMAIN.crl",
        "http://abc/abc-crl.crl",
        "http://10.157.88.230:8080/crl",
        "ldap://ldap.example.net/CN=TACLAB,CN=CDP,DC=tacdomain,DC=com?certificateRevocationList?base?objectclass=cRLDistributionPoint",
        "HTTP://www.example.net/ca.crl",
    })
    void crlUrlOverHttpOrLdapIsAccepted(String url) {
        Outcome outcome = pki.set(PROFILE + "revocation-check crl url " + url);
        assertTrue(outcome.isSuccess(), outcome.toString());
        assertTrue(pki.show("").contains(url), "kept as typed");
    }

    @ParameterizedTest(name = "crl url {0}")
    @CsvSource(delimiter = '|', value = {
        "www.my-ca.com/my-crl.crl | expecting http://, ldap://host[:port]/path",
        "ftp://ca.example.net/ca.crl | the scheme must be one of http://, ldap://",
        "https://ca.example.net/ca.crl | the scheme must be one of http://, ldap://",
        "ldap:///CN=TACLAB,DC=tacdomain,DC=com | it must name a host (FQDN or IP address)",
        "http://ca.example.net:0/ca.crl | port 0 is not within range (1..65535)",
        "http://ca.example.net:70000/ca.crl | port 70000 is not within range (1..65535)",
    })
    void crlUrlWithoutHostOrWithAnotherSchemeIsRefused(String url, String message) {
        Outcome outcome = pki.set(PROFILE + "revocation-check crl url " + url);
        assertFalse(outcome.isSuccess());
        assertTrue(outcome.toString().contains("'url': invalid URL '" + url + "'"), outcome.toString());
        assertTrue(outcome.toString().endsWith(message), outcome.toString());
    }

    @ParameterizedTest(name = "enrollment url {0}")
    @ValueSource(strings = {
        "http://10.155.8.1/certsrv/mscep/mscep.dll",
        "http://10.157.88.230:8080/scep/Root/",
        "www.example.net/scep/Root/",
        "https://ca.example.net/scep",
    })
    void enrollmentUrlIsHttpOrHttpsAndTheSchemeMayBeOmitted(String url) {
        Outcome outcome = pki.set(PROFILE + "enrollment url " + url);
        assertTrue(outcome.isSuccess(), outcome.toString());
    }

    @ParameterizedTest(name = "enrollment url {0}")
    @ValueSource(strings = {"ldap://ca.example.net/scep", "http:///scep", "http://ca.example.net/a b"})
    void enrollmentUrlOfAnotherSchemeOrWithoutHostIsRefused(String url) {
        assertFalse(pki.set(PROFILE + "enrollment url \"" + url + "\"").isSuccess());
    }

    @ParameterizedTest(name = "ocsp url {0}")
    @CsvSource(delimiter = '|', value = {
        "http://ocsp.example.net/ | true",
        "http://10.1.1.1:8080/ocsp | true",
        "https://ocsp.example.net/ | false",
        "ldap://ocsp.example.net/ | false",
        "ocsp.example.net | false",
    })
    void ocspUrlIsHttp(String url, boolean accepted) {
        assertEquals(accepted, pki.set(PROFILE + "revocation-check ocsp url " + url).isSuccess());
    }

    @Test
    void ocspTakesAtMostTwoResponderUrls() {
        pki.setAll(PROFILE + "revocation-check ocsp url [ http://ocsp1.example.net/ http://ocsp2.example.net/ ]",
                PROFILE + "revocation-check use-ocsp");
        assertTrue(pki.check().isSuccess(), pki.check().toString());
        pki.setAll(PROFILE + "revocation-check ocsp url http://ocsp3.example.net/");
        Outcome outcome = pki.check();
        assertFalse(outcome.isSuccess());
        assertTrue(outcome.toString().contains("'url' takes at most 2 values, 3 are configured"), outcome.toString());
    }

    @ParameterizedTest(name = "name {0} accepted: {1}")
    @CsvSource({
        "ca-profile-ipsec, true", "Root-CA, true", "my_profile, true", "ms-ca, true", "local.cert, true",
        "Host-A, true", "_x, true",
        "../etc, false", ".hidden, false", "-a, false", "a/b, false", "'a b', false",
        "a123456789012345678901234567890123456789012345678901234567890123, false",
    })
    void caProfileAndCertificateNamesAreSafeFileNames(String name, boolean accepted) {
        assertEquals(accepted, pki.set("security pki ca-profile \"" + name + "\" ca-identity x").isSuccess());
        assertEquals(accepted, pki.set("security pki auto-re-enrollment certificate-id \"" + name + "\" re-generate-keypair")
                .isSuccess());
    }

    @Test
    void longestAcceptedNameHasSixtyThreeCharacters() {
        String name = "a".repeat(PkiTypes.MAX_NAME_LENGTH);
        assertTrue(pki.set("security pki ca-profile " + name + " ca-identity x").isSuccess());
        assertFalse(pki.set("security pki ca-profile " + name + "b ca-identity x").isSuccess());
    }

    @Test
    void administratorAddressMustBeAnEmailAddress() {
        Outcome outcome = pki.set(PROFILE + "administrator e-mail-address certadmin");
        assertFalse(outcome.isSuccess());
        assertTrue(outcome.toString().endsWith("'e-mail-address': invalid e-mail address 'certadmin'"), outcome.toString());
    }

    @Test
    void traceMatchMustBeAValidRegularExpression() {
        assertTrue(pki.set("security pki traceoptions file pki-trace match \"crl|ocsp\"").isSuccess());
        Outcome outcome = pki.set("security pki traceoptions file pki-trace match \"crl(\"");
        assertFalse(outcome.isSuccess());
        assertTrue(outcome.toString().contains("'match': invalid regular expression 'crl('"), outcome.toString());
    }

    @Test
    void worldReadableAndNoWorldReadableReplaceEachOther() {
        pki.setAll("security pki traceoptions file pki-trace world-readable");
        assertTrue(pki.show("security pki traceoptions").contains("file pki-trace world-readable;"),
                pki.show("security pki traceoptions"));
        pki.setAll("security pki traceoptions file no-world-readable");
        String shown = pki.show("security pki traceoptions");
        assertTrue(shown.contains("file pki-trace no-world-readable;"), shown);
        assertFalse(shown.contains(" world-readable"), shown);
    }

    @Test
    void traceFileIsShownOnOneLineAndFlagsAccumulate() {
        pki.setAll("security pki traceoptions file pki-trace files 3 size 1m",
                "security pki traceoptions flag certificate-verification",
                "security pki traceoptions flag online-crl-check",
                "security pki traceoptions no-remote-trace");
        assertEquals("file pki-trace files 3 size 1m;\nflag [ certificate-verification online-crl-check ];\nno-remote-trace;",
                pki.show("security pki traceoptions"));
    }

    @Test
    void crlUrlDirectlyBelowRevocationCheckIsASyntaxError() {
        Outcome outcome = pki.set("security pki ca-profile my_profile revocation-check url http://abc/abc-crl.crl");
        assertFalse(outcome.isSuccess());
        assertEquals("error: [edit security pki ca-profile my_profile revocation-check] syntax error: 'url' is not a"
                + " statement here; expecting crl | disable | ocsp | use-ocsp", outcome.toString());
    }
}

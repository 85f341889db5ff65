package org.secplane.pki.internal.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The subject syntax of the CSR and self-signed commands (pki.md §3.10, §6.1 #27) and the name output forms. */
class SubjectNamesTest {

    private static X500Name parse(String subject) throws PkiException {
        return SubjectNames.parse(subject, () -> "SRX240-11152012");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CN=John Doe,CN=1.1.1.2,OU=sales,O=Example, L=Sunnyvale,ST=CA,C=US | CN=John Doe, CN=1.1.1.2, OU=sales, O=Example, L=Sunnyvale, ST=CA, C=US",
        "cn=abc | CN=abc",
        "DC=example,CN=Host-A, OU=DEV,O=PKI,L=Sunnyvale,ST=CA,C=US | DC=example, CN=Host-A, OU=DEV, O=PKI, L=Sunnyvale, ST=CA, C=US",
        "CN=user, SN, C=us | CN=user, serialNumber=SRX240-11152012, C=US",
        "CN=a\\,b,O=x | CN=a\\,b, O=x",
        "serialNumber=42,CN=x | serialNumber=42, CN=x"})
    void parsesWhatTheGuideTypes(String typed, String subjectString) throws Exception {
        assertEquals(subjectString.replace("\\,", ","), SubjectNames.subjectString(parse(typed)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CN=a,E=x@y | invalid subject 'CN=a,E=x@y': unknown attribute 'E'; expecting DC, CN, SN, OU, O, L, ST or C",
        "CN=a,,O=b | invalid subject 'CN=a,,O=b': empty item between commas",
        "CN= | invalid subject 'CN=': CN has an empty value",
        "C=USA | invalid subject 'C=USA': C must be a two-letter country code (such as US), not 'USA'",
        "CN | invalid subject 'CN': 'CN' has no value (expecting CN=<value>)"})
    void refusesWhatIsNoSubject(String typed, String message) {
        assertEquals(message, assertThrows(PkiException.class, () -> parse(typed)).getMessage());
    }

    @Test
    void refusesBlankAndOverlongValues() {
        assertEquals("invalid subject: it is empty; expecting for example CN=host,O=example,C=US",
                assertThrows(PkiException.class, () -> parse(" ")).getMessage());
        assertEquals("invalid subject 'CN=" + "x".repeat(65) + "': CN value '" + "x".repeat(65)
                + "' is longer than 64 characters", assertThrows(PkiException.class, () -> parse("CN=" + "x".repeat(65)))
                .getMessage());
    }

    @Test
    void outputFormsFollowTheSamples() throws Exception {
        X500Name name = new X500Name("C=US,O=example,CN=RootCA");
        assertEquals("C = US, O = example, CN = RootCA", SubjectNames.issuedBy(name));
        assertEquals("C=US, O=example, CN=RootCA", SubjectNames.subjectString(name));
        assertEquals("RootCA", SubjectNames.firstCommonName(name).orElseThrow());
        X500Name mycert = parse("serialNumber=SRX240-11152012,C=US,O=Example-org,OU=SSD,CN=user");
        assertEquals(List.of("Organization: Example-org", "Organizational unit: SSD", "Country: US", "Common name: user",
                "Serial number: SRX240-11152012"), SubjectNames.fields(mycert), "the guide's fixed order (L5395)");
        assertEquals(List.of("Organization: o1, Organization: o2", "Common name: c"),
                SubjectNames.fieldGroups(parse("CN=c,O=o1,O=o2")));
    }
}

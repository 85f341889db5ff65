package org.secplane.keystore.component;

import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.KeyPairStore;
import org.secplane.keystore.PkiStoreException;

/**
 * {@code clear security pki key-pair (all | certificate-id ID)} (pki.md §3.1): removes the key pair (its
 * file, and its private key from the token). "This command produces no output."; an unknown id is an error.
 */
@Component(service = OperationalCommand.class)
public class ClearSecurityPkiKeyPair implements OperationalCommand {

    private final KeyPairStore keys;

    @Activate
    public ClearSecurityPkiKeyPair(@Reference KeyPairStore keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "clear security pki key-pair";
    }

    @Override
    public String help() {
        return "Clear public key infrastructure key pair information for local digital certificates";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder()
                .flag("all", "Clear key pair information for all local certificates")
                .option("certificate-id", new CertificateIdType(this::existing),
                        "Clear key pair information for the local certificate with this certificate ID")
                .exclusive("all", "certificate-id")
                .build();
    }

    private java.util.List<String> existing() {
        try {
            return keys.list().stream().map(KeyPairInfo::certificateId).collect(Collectors.toList());
        } catch (PkiStoreException e) {
            return java.util.List.of();
        }
    }

    @Override
    public void execute(Invocation invocation) throws CommandFailedException {
        try {
            if (invocation.arguments().flag("all")) {
                keys.deleteAll();
                return;
            }
            String certificateId = invocation.arguments().get("certificate-id").orElseThrow(() ->
                    new CommandFailedException("syntax error, expecting all | certificate-id <certificate-id-name>"));
            if (!keys.delete(certificateId)) {
                throw new CommandFailedException("key pair " + certificateId + " does not exist");
            }
        } catch (PkiStoreException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
    }
}

package org.secplane.keystore.component;

import java.util.List;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.config.schema.Types;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.KeyPairStore;
import org.secplane.keystore.KeyType;
import org.secplane.keystore.PkiStoreException;

/**
 * {@code request security pki generate-key-pair certificate-id ID [size N] [type (dsa | ecdsa | rsa)]}
 * (pki.md §3.11): type rsa and 1024 bits unless given (ECDSA: 256, since 1024 is no ECDSA size); prints
 * {@code Generated key pair ID, key size N bits}.
 */
@Component(service = OperationalCommand.class)
public class RequestSecurityPkiGenerateKeyPair implements OperationalCommand {

    private final KeyPairStore keys;

    @Activate
    public RequestSecurityPkiGenerateKeyPair(@Reference KeyPairStore keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "request security pki generate-key-pair";
    }

    @Override
    public String help() {
        return "Generate public/private key pair";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder()
                .required("certificate-id", new CertificateIdType(List::of), "Name of the local digital certificate and the public/private key pair")
                .option("size", Types.enumeration(KeyType.ALL_SIZES.stream().map(String::valueOf).toArray(String[]::new)),
                        "Key pair size in bits (RSA 512..4096, DSA 512..2048, ECDSA 256 or 384; default 1024, ECDSA 256)")
                .option("type", Types.enumeration(List.of(KeyType.values()).stream().map(KeyType::label).sorted()
                        .collect(Collectors.toList()).toArray(String[]::new)), "Key pair algorithm (default rsa)")
                .build();
    }

    @Override
    public void execute(Invocation invocation) throws CommandFailedException {
        String certificateId = invocation.arguments().required("certificate-id");
        KeyType type = KeyType.byLabel(invocation.arguments().get("type").orElse(KeyType.RSA.label()));
        int size = invocation.arguments().get("size").map(Integer::parseInt).orElse(type.defaultSize());
        KeyPairInfo generated;
        try {
            generated = keys.generate(certificateId, type, size);
        } catch (PkiStoreException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        invocation.out().println("Generated key pair " + generated.certificateId() + ", key size " + generated.size() + " bits");
    }
}

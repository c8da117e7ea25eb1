package io.github.camelseedance.emulator;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's self-signed certificate and the trust store shipped for clients to trust it. */
class EmulatorTlsTest {

    @Test
    void certificateNamesLocalhostAndBothLoopbackAddresses() throws Exception {
        X509Certificate certificate = EmulatorTls.certificate();

        List<Object> names = new ArrayList<>();
        certificate.getSubjectAlternativeNames().forEach(name -> names.add(name.get(1)));
        assertThat(names).containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(certificate.getSubjectX500Principal().getName()).startsWith("CN=localhost");
    }

    @Test
    void certificateIsValidForDecades() throws Exception {
        X509Certificate certificate = EmulatorTls.certificate();

        certificate.checkValidity();
        assertThat(certificate.getNotBefore().toInstant()).isBefore(Instant.parse("2021-01-01T00:00:00Z"));
        assertThat(certificate.getNotAfter().toInstant()).isAfter(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void trustStoreHoldsOnlyTheCertificateAndLoadsFromItsResourceName() throws Exception {
        KeyStore store = KeyStore.getInstance(EmulatorTls.TRUST_STORE_TYPE);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EmulatorTls.TRUST_STORE_RESOURCE)) {
            store.load(in, EmulatorTls.TRUST_STORE_PASSWORD.toCharArray());
        }

        List<String> aliases = Collections.list(store.aliases());
        assertThat(aliases)
                .singleElement()
                .satisfies(alias -> assertThat(store.isCertificateEntry(alias))
                        .as("a certificate entry")
                        .isTrue())
                .satisfies(alias ->
                        assertThat(store.isKeyEntry(alias)).as("a key entry").isFalse());
        assertThat(store.getCertificate(aliases.get(0))).isEqualTo(EmulatorTls.certificate());
    }
}

package io.github.camelseedance.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PfxOptions;

/**
 * The certificate the emulator serves HTTPS with, self-signed for localhost, 127.0.0.1 and ::1, and a trust store with
 * only it. <b>Its private key ships in this jar and is public</b>: trust it in tests on loopback only. DESIGN.md's
 * "The emulator" has the keytool commands that made both stores.
 */
public final class EmulatorTls {

    /**
     * The trust store holding only the emulator's certificate, as a class-path resource name (no leading slash, as
     * {@link ClassLoader#getResource} and Camel's {@code classpath:} prefix take it).
     */
    public static final String TRUST_STORE_RESOURCE = "io/github/camelseedance/emulator/emulator-trust.p12";
    /** The trust store's password; not a secret, as the store holds only a public certificate. */
    public static final String TRUST_STORE_PASSWORD = "emulator-trust";
    /** The trust store's type. */
    public static final String TRUST_STORE_TYPE = "PKCS12";

    static final String KEY_STORE_RESOURCE = "io/github/camelseedance/emulator/emulator-tls.p12";
    static final String KEY_STORE_PASSWORD = "emulator-tls";

    private EmulatorTls() {}

    /** A fresh copy of the trust store, loaded from {@link #TRUST_STORE_RESOURCE}. */
    public static KeyStore trustStore() {
        try (InputStream in = open(TRUST_STORE_RESOURCE)) {
            KeyStore store = KeyStore.getInstance(TRUST_STORE_TYPE);
            store.load(in, TRUST_STORE_PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the emulator's trust store " + TRUST_STORE_RESOURCE, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not load the emulator's trust store " + TRUST_STORE_RESOURCE, e);
        }
    }

    /** The emulator's certificate, as found in the trust store. */
    public static X509Certificate certificate() {
        KeyStore store = trustStore();
        try {
            return (X509Certificate) store.getCertificate(store.aliases().nextElement());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The emulator's trust store holds no certificate", e);
        }
    }

    /**
     * A new TLS context that trusts the emulator's certificate and nothing else, for a client of an emulator started
     * with {@link SeedanceEmulator.Builder#tls()}: e.g. {@code HttpClient.newBuilder().sslContext(...)}.
     */
    public static SSLContext trustingSslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not make a TLS context trusting the emulator's certificate", e);
        }
    }

    // handed to Vert.x as bytes: the emulator's Vert.x resolves no class-path files, so it leaves none behind
    static KeyCertOptions serverKeyCertOptions() {
        try (InputStream in = open(KEY_STORE_RESOURCE)) {
            return new PfxOptions().setValue(Buffer.buffer(in.readAllBytes())).setPassword(KEY_STORE_PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the emulator's key store " + KEY_STORE_RESOURCE, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = EmulatorTls.class.getResourceAsStream("/" + resource);
        if (in == null) {
            throw new IllegalStateException("Missing from the classpath: " + resource);
        }
        return in;
    }
}

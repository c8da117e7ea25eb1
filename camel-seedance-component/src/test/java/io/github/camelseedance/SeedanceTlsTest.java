package io.github.camelseedance;

import java.io.InputStream;

import io.github.camelseedance.emulator.EmulatorTls;
import io.github.camelseedance.emulator.ForwardProxy;
import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API on https with a certificate the JVM does not trust (the emulator's self-signed one): trusted through Camel's
 * SSLContextParameters, set on the endpoint or globally, it works; untrusted, the handshake fails, nothing is sent,
 * nothing is retried, and the message names the option that fixes it.
 */
class SeedanceTlsTest extends CamelTestSupport {

    private static final String API_KEY = "sk-test-tls-5e4d3c2b1a";

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().apiKey(API_KEY).tls().build();

    /** Trusts the emulator's certificate, as a user would trust a corporate CA. */
    static SSLContextParameters trustingTheEmulator() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("classpath:" + EmulatorTls.TRUST_STORE_RESOURCE);
        store.setPassword(EmulatorTls.TRUST_STORE_PASSWORD);
        store.setType(EmulatorTls.TRUST_STORE_TYPE);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("seedance", SeedanceTestSupport.pointedAt(SEEDANCE, API_KEY));
        context.getRegistry().bind("emulatorTrust", trustingTheEmulator());
        return context;
    }

    @Test
    void theApiAndTheVideoOnHttpsWorkWhenTheCertificateIsTrustedThroughSslContextParameters() throws Exception {
        assertThat(SEEDANCE.baseUrl()).startsWith("https://");

        Exchange exchange = template.request(
                "seedance:generate?download=true&sslContextParameters=#emulatorTrust",
                e -> e.getMessage().setBody("A lighthouse at dusk"));

        assertThat(exchange.getException()).isNull();
        try (InputStream video = exchange.getMessage().getBody(InputStream.class)) {
            assertThat((long) video.readAllBytes().length)
                    .isEqualTo(SEEDANCE.videoSize(
                            exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class)));
        }
        assertThat(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class))
                .startsWith("https://");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void theGlobalSslContextParametersServeEndpointsThatSetNone() {
        context.setSSLContextParameters(trustingTheEmulator());
        context.getComponent("seedance", SeedanceComponent.class).setUseGlobalSslContextParameters(true);

        String url = template.requestBody("seedance:generate", "A lighthouse at dusk", String.class);

        assertThat(url).startsWith(SEEDANCE.baseUrl());
    }

    @Test
    void anUntrustedCertificateFailsTheHandshakeSendsNothingAndIsNotRetried() {
        Exchange exchange = template.request(
                "seedance:generate?maxRetries=3&retryDelay=10",
                e -> e.getMessage().setBody("A lighthouse at dusk"));

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("TLS handshake")
                .hasMessageContaining("sslContextParameters")
                .hasMessageContaining("Nothing was sent");
        SeedanceException failure = (SeedanceException) exchange.getException();
        assertThat(failure.isRequestSent()).isFalse();
        assertThat(failure.getAttempts()).isEqualTo(1);
        assertThat(SEEDANCE.generationCount()).isZero();
    }

    /** https through an authenticating proxy: a CONNECT tunnel, with the proxy's credentials on the CONNECT. */
    @Test
    void httpsGoesThroughAnAuthenticatingProxyInATunnel() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.builder()
                .credentials("squid", "tunnel-secret")
                .build()
                .start()) {
            Exchange exchange = template.request(
                    "seedance:generate?download=true&sslContextParameters=#emulatorTrust"
                            + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                            + "&proxyAuthUsername=squid&proxyAuthPassword=RAW(tunnel-secret)",
                    e -> e.getMessage().setBody("A lighthouse at dusk"));

            assertThat(exchange.getException()).isNull();
            try (InputStream video = exchange.getMessage().getBody(InputStream.class)) {
                assertThat((long) video.readAllBytes().length)
                        .isEqualTo(SEEDANCE.videoSize(
                                exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class)));
            }
            String target = "CONNECT 127.0.0.1:" + SEEDANCE.emulator().port();
            assertThat(proxy.requests())
                    .isNotEmpty()
                    .allSatisfy(request -> assertThat(request).isEqualTo(target));
            assertThat(proxy.authenticationRefusals()).isZero();
        }
    }
}

package io.github.camelseedance;

import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Bad endpoint options stop the route from starting, naming the option, the value and what is allowed. */
class SeedanceOptionValidationTest {

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().build();

    @AfterEach
    void nothingWasSent() {
        assertThat(SEEDANCE.generationCount())
                .as("POSTs received by the emulator")
                .isZero();
    }

    private static Throwable startFailure(String uri, boolean withKey) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            return startFailure(context, uri, withKey);
        }
    }

    private static Throwable startFailure(DefaultCamelContext context, String uri, boolean withKey) {
        SeedanceComponent component = new SeedanceComponent();
        component.getConfiguration().setBaseUrl(SEEDANCE.baseUrl());
        if (withKey) {
            component.getConfiguration().setApiKey(SEEDANCE.apiKey());
        }
        context.addComponent("seedance", component);
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to(uri);
                }
            });
            context.start();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("the route started with " + uri);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "seedance:generate?seconds=7                 | Invalid seconds '7' from option seconds: allowed values are 5, 10",
                "seedance:generate?resolution=4k             | Invalid resolution '4k' from option resolution: allowed values are 480p, 720p, 1080p",
                "seedance:generate?aspectRatio=4:3           | Invalid aspectRatio '4:3' from option aspectRatio: allowed values are 16:9, 9:16, 1:1",
                "seedance:generate?imageUrl=ftp://host/a.png | Invalid imageUrl 'ftp://host/a.png' from option imageUrl: the scheme ftp is not allowed",
                "seedance:generate?model=SIRAYA-Seedance-2.0&lastFrameUrl=https://cdn.example/z.png&inputReferences=image:https://cdn.example/a.png | inputReferences from option inputReferences cannot be combined with frame images (lastFrameUrl from option lastFrameUrl)",
                "seedance:generate?model=SIRAYA-Seedance-2.0&inputReferences=gif:https://cdn.example/a.gif | Unknown input reference type 'gif': allowed values are image, video, audio",
                "seedance:generate?imageUrl=https://cdn.example/a.png&firstFrameUrl=https://cdn.example/b.png | Use firstFrameUrl instead of imageUrl",
                "seedance:generate?baseUrl=llm.siraya.ai     | Invalid baseUrl 'llm.siraya.ai': expected an absolute http or https URL",
                "seedance:generate?videoHostsAllowed=cdn.example.com:443 | Invalid videoHostsAllowed entry 'cdn.example.com:443': expected a host name or address without scheme, port or path",
                "seedance:generate?requestTimeout=0          | Invalid requestTimeout: read as 0 ms, allowed are 1 ms to 6h: use a form such as 30s or 10m",
                "seedance:generate?connectTimeout=abc        | Invalid connectTimeout: read as 0 ms, allowed are 1 ms to 10m: use a form such as 30s or 10m",
                "seedance:generate?retryDelay=2h             | Invalid retryDelay: read as 7200000 ms, allowed are 1 ms to 1h",
                "seedance:generate?healthCheckInterval=0     | Invalid healthCheckInterval: read as 0 ms, allowed are 1 ms to 1h",
                "seedance:generate?healthCheckInterval=2h    | Invalid healthCheckInterval: read as 7200000 ms, allowed are 1 ms to 1h",
                "seedance:generate?downloadTimeout=PT25H     | Invalid downloadTimeout: read as 90000000 ms, allowed are 1 ms to 24h",
                "seedance:generate?downloadTimeout=abc       | Invalid downloadTimeout: read as 0 ms, allowed are 1 ms to 24h",
                "seedance:generate?maxVideoSize=0            | Invalid maxVideoSize '0': allowed values are 1 to 1099511627776",
                "seedance:generate?maxVideoSize=4GB          | Invalid maxVideoSize '0': allowed values are 1 to 1099511627776",
                "seedance:edit                               | Unknown operation 'edit' in seedance:edit: allowed operations are generate",
                "seedance:generate?seed=abc                  | Invalid seed 'abc' from option seed: expected a whole number",
                "seedance:generate?seconds=1m                | Invalid seconds '60000' from option seconds: allowed values are 5, 10 (the value as Camel read the option's text",
                "seedance:generate?maxPromptLength=0         | Invalid maxPromptLength '0': allowed values are 1 to 50000",
                "seedance:generate?maxPromptLength=1m        | Invalid maxPromptLength '60000': allowed values are 1 to 50000",
                "seedance:generate?prompt=Rain over Tokyo&maxPromptLength=10 | Invalid prompt from option prompt: 15 characters, more than maxPromptLength 10",
                "seedance:generate?generateAudio=yes         | Invalid generateAudio 'yes' from option generateAudio: expected true or false",
                "seedance:generate?maxRetries=1m             | Invalid maxRetries '60000': allowed values are 0 to 10. That is the value as Camel read the option",
                "seedance:generate?maxRetries=-1             | Invalid maxRetries '-1': allowed values are 0 to 10",
                "seedance:generate?maxConcurrentRequests=abc | Invalid maxConcurrentRequests '0': allowed values are 1 to 10000",
                "seedance:generate?maxConcurrentRequests=1m  | Invalid maxConcurrentRequests '60000': allowed values are 1 to 10000",
                "seedance:generate?proxyHost=proxy.internal  | Missing proxyPort: proxyHost proxy.internal needs a port from 1 to 65535",
                "seedance:generate?proxyHost=proxy.internal&proxyPort=70000 | Invalid proxyPort '70000': allowed values are 1 to 65535",
                "seedance:generate?proxyHost=proxy.internal&proxyPort=abc | Invalid proxyPort '0': allowed values are 1 to 65535. That is the value as Camel read the option",
                "seedance:generate?proxyHost=http://proxy.internal&proxyPort=3128 | Invalid proxyHost 'http://proxy.internal': expected a host name or address without scheme or port",
                "seedance:generate?proxyPort=3128            | Missing proxyHost: proxyPort, proxyAuthUsername, proxyAuthPassword and nonProxyHosts apply only with a proxyHost",
                "seedance:generate?proxyHost=proxy.internal&proxyPort=3128&proxyAuthPassword=secret | Missing proxyAuthUsername: proxyAuthPassword is set without it",
            })
    void invalidOptionStopsTheRoute(String uri, String expected) throws Exception {
        Throwable cause = rootCause(startFailure(uri, true));
        assertThat(cause).isInstanceOf(IllegalArgumentException.class);
        assertThat(cause.getMessage()).contains(expected);
    }

    @Test
    void missingApiKeyStopsTheRouteAndSaysHowToSetIt() throws Exception {
        Throwable cause = rootCause(startFailure("seedance:generate", false));
        assertThat(cause)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing apiKey")
                .hasMessageContaining("camel.component.seedance.api-key");
    }

    @Test
    void apiKeyWithInnerSpacesStopsTheRouteWithoutShowingTheKey() throws Exception {
        Throwable cause = rootCause(startFailure("seedance:generate?apiKey=RAW(sk-abc def-123)", true));
        assertThat(cause)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid apiKey")
                .hasMessageContaining("not shown")
                .message()
                .doesNotContain("sk-abc");
    }

    @Test
    void optionOfTheWrongTypeIsNamedByCamel() throws Exception {
        Throwable failure = startFailure("seedance:generate?seconds=ten", true);
        assertThat(failure.getMessage() + rootCause(failure).getMessage())
                .contains("seconds")
                .contains("ten");
    }

    @Test
    void anOptionWithAnUnpairedSurrogateStopsTheRouteNamingIt() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            SeedanceComponent component = new SeedanceComponent();
            component.getConfiguration().setBaseUrl(SEEDANCE.baseUrl());
            component.getConfiguration().setApiKey(SEEDANCE.apiKey());
            component.getConfiguration().setNegativePrompt("fog \uD800");
            context.addComponent("seedance", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("seedance:generate");
                }
            });

            Throwable cause = rootCause(catchThrowable(context::start));

            assertThat(cause)
                    .isInstanceOf(InvalidVideoRequestException.class)
                    .hasMessageContaining("negativePrompt from option negativePrompt")
                    .hasMessageContaining("unpaired surrogate");
        }
    }

    @Test
    void unknownOptionIsRejectedByCamel() throws Exception {
        Throwable failure = startFailure("seedance:generate?duration=5", true);
        assertThat(failure.getMessage()).contains("duration");
    }
}

package io.github.camelseedance;

import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Bad camel.component.seedance.* properties stop Camel Main from starting, like bad endpoint options do. */
class SeedanceComponentPropertiesTest {

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().build();

    private final Main main = new Main();

    @AfterEach
    void stopMainAndCheckNothingWasSent() {
        main.stop();
        assertThat(SEEDANCE.generationCount()).as("POSTs received").isZero();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "max-retries             | 1m  | Invalid maxRetries '60000': allowed values are 0 to 10. That is the value as Camel read the option",
                "max-concurrent-requests | abc | Invalid maxConcurrentRequests '0': allowed values are 1 to 10000",
                "request-timeout         | abc | Invalid requestTimeout: read as 0 ms, allowed are 1 ms to 6h: use a form such as 30s or 10m",
                "seconds                 | 1m  | Invalid seconds '60000' from option seconds: allowed values are 5, 10",
                "seed                    | abc | Invalid seed 'abc' from option seed: expected a whole number",
                "generate-audio          | yes | Invalid generateAudio 'yes' from option generateAudio: expected true or false",
                "response-pool-size      | 0   | Invalid responsePoolSize '0': allowed values are 1 to 1000",
            })
    void badComponentPropertyStopsTheStart(String property, String value, String expected) {
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedance:generate");
            }
        });
        main.addInitialProperty("camel.component.seedance.base-url", SEEDANCE.baseUrl());
        main.addInitialProperty("camel.component.seedance.api-key", SEEDANCE.apiKey());
        main.addInitialProperty("camel.component.seedance." + property, value);

        Throwable failure = catchThrowable(main::start);

        assertThat(failure).as("Camel Main started with %s=%s", property, value).isNotNull();
        assertThat(failure)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }
}

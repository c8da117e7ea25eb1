package io.github.camelseedance;

import java.util.Collection;
import java.util.List;

import ch.qos.logback.classic.Level;
import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness check as a Camel Main user sees it through Camel's health check API: absent until producer checks are
 * switched on with camel.health.producers-enabled=true, then UP with the right key and DOWN with the provider's reason
 * with a wrong one, which shows nowhere.
 */
class SeedanceHealthCheckMainTest {

    private static final String WRONG_KEY = "sk-main-wrong-key-0a9b8c7d6e";
    private static final String ID = "producer:seedance-generate";

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().build();

    private final Main main = new Main();

    @AfterEach
    void stopMain() {
        main.stop();
    }

    @Test
    void isUpAmongTheReadinessChecksOnceProducerChecksAreOn() throws Exception {
        start(SEEDANCE.apiKey(), true);

        Collection<HealthCheck.Result> readiness = HealthCheckHelper.invokeReadiness(main.getCamelContext());

        assertThat(readiness)
                .filteredOn(result -> result.getCheck().getId().equals(ID))
                .singleElement()
                .satisfies(result -> {
                    assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
                    assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 200);
                });
        assertThat(HealthCheckHelper.isResultsUp(readiness, true)).isTrue();
        assertThat(SEEDANCE.modelRequestCount()).isEqualTo(1);
        assertThat(SEEDANCE.generationCount()).isZero();
    }

    @Test
    void isDownWithTheProvidersReasonForAWrongKeyWhichShowsNowhere() throws Exception {
        // Camel Main itself lists every property it read at DEBUG while it starts, so the capture begins after that
        start(WRONG_KEY, true);
        Collection<HealthCheck.Result> readiness;
        List<String> lines;
        try (LogCapture log = new LogCapture(Level.TRACE)) {
            readiness = HealthCheckHelper.invokeReadiness(main.getCamelContext());
            lines = log.lines();
        }

        assertThat(HealthCheckHelper.isResultsUp(readiness, true)).isFalse();
        HealthCheck.Result result = readiness.stream()
                .filter(r -> r.getCheck().getId().equals(ID))
                .findFirst()
                .orElseThrow();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage())
                .hasValueSatisfying(
                        message -> assertThat(message).contains("HTTP 401").contains("Incorrect API key provided"));
        assertThat(result.getMessage().orElseThrow()).doesNotContain(WRONG_KEY);
        assertThat(result.getDetails().values())
                .noneMatch(value -> String.valueOf(value).contains(WRONG_KEY));
        assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(WRONG_KEY));
    }

    @Test
    void isNotAmongTheChecksWhileProducerChecksAreOffAsCamelLeavesThem() throws Exception {
        start(SEEDANCE.apiKey(), false);

        Collection<HealthCheck.Result> readiness = HealthCheckHelper.invokeReadiness(main.getCamelContext());

        assertThat(readiness)
                .isNotEmpty()
                .noneMatch(result -> result.getCheck().getId().startsWith("producer:"));
        assertThat(SEEDANCE.modelRequestCount()).isZero();
    }

    private void start(String apiKey, boolean producerChecks) throws Exception {
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("seedance:generate");
            }
        });
        main.addInitialProperty("camel.component.seedance.base-url", SEEDANCE.baseUrl());
        main.addInitialProperty("camel.component.seedance.api-key", apiKey);
        // every check's result, not only the DOWN ones, so that an UP one can be read too
        main.addInitialProperty("camel.health.exposure-level", "full");
        if (producerChecks) {
            main.addInitialProperty("camel.health.producers-enabled", "true");
        }
        main.start();
    }
}

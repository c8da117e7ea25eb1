package io.github.camelseedance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret written into a route's endpoint URI is handled as Camel Main's {@code camel.security.secretPolicy} says:
 * allow, warn or fail; a placeholder always passes, and no outcome shows the value. Camel Main's own check covers the
 * same options set as component properties.
 */
class SeedanceSecretPolicyTest {

    private static final String LITERAL = "sk-written-in-the-uri-31415";
    /** Nothing listens there: starting a route opens no connection, and no test sends a message. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    private final Main main = new Main();
    private final List<String> lines = new ArrayList<>();

    @AfterEach
    void stopMain() {
        main.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apiKey", "proxyAuthUsername", "proxyAuthPassword"})
    void underFailASecretWrittenIntoTheUriStopsTheStartWithoutShowingIt(String option) {
        Throwable failure = start(Map.of("camel.security.secretPolicy", "fail"), uriWith(option, LITERAL));

        assertThat(failure).isNotNull();
        String chain = messagesOf(failure);
        assertThat(chain)
                .contains("The " + option + " option is written as plain text into the seedance endpoint URI")
                .contains("camel.component.seedance." + kebab(option))
                .contains("camel.security.secretPolicy is fail")
                .doesNotContain(LITERAL);
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains(LITERAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apiKey", "proxyAuthUsername", "proxyAuthPassword"})
    void underWarnTheRouteStartsWithOneWarningThatHidesTheValue(String option) {
        assertThat(start(Map.of("camel.security.secretPolicy", "warn"), uriWith(option, LITERAL)))
                .isNull();

        assertThat(warnings())
                .singleElement()
                .asString()
                .contains("The " + option + " option is written as plain text")
                .contains("step generate in route written");
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains(LITERAL));
    }

    @Test
    void underAllowTheRouteStartsSilently() {
        assertThat(start(Map.of("camel.security.secretPolicy", "allow"), uriWith("apiKey", LITERAL)))
                .isNull();

        assertThat(warnings()).isEmpty();
    }

    @Test
    void withoutAnyPolicyCamelMainsDefaultWarns() {
        assertThat(start(Map.of(), uriWith("apiKey", LITERAL))).isNull();

        assertThat(warnings()).hasSize(1);
    }

    @Test
    void theGlobalPolicyAppliesWhenNoSecretPolicyIsSet() {
        assertThat(start(Map.of("camel.security.policy", "fail"), uriWith("apiKey", LITERAL)))
                .isNotNull();
    }

    @Test
    void theProdProfileFailsAsCamelMainsDoes() {
        Throwable failure = start(Map.of("camel.main.profile", "prod"), uriWith("apiKey", LITERAL));

        assertThat(messagesOf(failure)).contains("camel.security.secretPolicy is fail");
    }

    @Test
    void theSecretPolicyOverridesTheGlobalOne() {
        assertThat(start(
                        Map.of("camel.security.policy", "fail", "camel.security.secretPolicy", "allow"),
                        uriWith("apiKey", LITERAL)))
                .isNull();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aKeyInRawIsStillWrittenAsPlainText() {
        Throwable failure =
                start(Map.of("camel.security.secretPolicy", "fail"), uriWith("apiKey", "RAW(" + LITERAL + ")"));

        assertThat(messagesOf(failure))
                .contains("The apiKey option is written as plain text")
                .doesNotContain(LITERAL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{{seedance.key}}", "RAW({{seedance.key}})", "{{sys:seedance.test.absent:" + LITERAL + "}}"})
    void underFailAPlaceholderPasses(String value) {
        main.addInitialProperty("seedance.key", LITERAL);

        assertThat(start(Map.of("camel.security.secretPolicy", "fail"), uriWith("apiKey", value)))
                .isNull();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aYamlRouteIsJudgedByItsParametersAsWritten() {
        main.configure().withRoutesIncludePattern("classpath:routes/secret-in-uri.yaml");

        Throwable failure = start(Map.of("camel.security.secretPolicy", "fail"), null);

        assertThat(messagesOf(failure))
                .contains("The apiKey option is written as plain text")
                .doesNotContain("sk-yaml-literal-2718");
    }

    /** Camel Main checks component properties itself: the three secret options are among its sensitive names. */
    @ParameterizedTest
    @ValueSource(strings = {"apiKey", "proxyAuthUsername", "proxyAuthPassword"})
    void camelMainRefusesTheSameOptionsAsPlainTextComponentProperties(String option) {
        main.addInitialProperty("camel.component.seedance." + kebab(option), LITERAL);

        Throwable failure = start(Map.of("camel.security.secretPolicy", "fail"), "seedance:generate");

        assertThat(messagesOf(failure))
                .contains("Secret property is configured with plain-text value")
                .contains("camel.component.seedance." + option)
                .doesNotContain(LITERAL);
    }

    @Test
    void camelMainAcceptsComponentPropertiesFromPlaceholders() {
        main.addInitialProperty("seedance.key", LITERAL);
        main.addInitialProperty("camel.component.seedance.api-key", "{{seedance.key}}");

        assertThat(start(Map.of("camel.security.secretPolicy", "fail"), "seedance:generate"))
                .isNull();
    }

    @Test
    void anUnknownPolicyIsRefusedNamingTheProperty() {
        Throwable failure = start(Map.of("camel.security.secretPolicy", "sometimes"), uriWith("apiKey", LITERAL));

        assertThat(messagesOf(failure)).contains("camel.security.secretPolicy").contains("sometimes");
    }

    /** Starts Main with one route to {@code uri} (none when null); the failure, or null when it started. */
    private Throwable start(Map<String, String> properties, String uri) {
        properties.forEach(main::addInitialProperty);
        main.addInitialProperty("camel.component.seedance.base-url", NOWHERE);
        if (uri != null) {
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:written").routeId("written").to(uri).id("generate");
                }
            });
        }
        try (LogCapture log = new LogCapture(Level.INFO)) {
            try {
                main.start();
                return null;
            } catch (Exception e) {
                return e;
            } finally {
                lines.addAll(log.lines());
            }
        }
    }

    private List<String> warnings() {
        return lines.stream()
                .filter(line -> line.startsWith(UriSecretPolicy.class.getName()))
                .toList();
    }

    private static String uriWith(String option, String value) {
        String uri = "seedance:generate?" + option + "=" + value;
        if (!option.equals("apiKey")) {
            uri += "&apiKey={{seedance.key:sk-from-a-placeholder}}&proxyHost=127.0.0.1&proxyPort=3128";
            if (option.equals("proxyAuthPassword")) {
                uri += "&proxyAuthUsername={{seedance.proxy-user:squid}}";
            }
        }
        return uri;
    }

    private static String kebab(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private static String messagesOf(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append(" | ");
        }
        return text.toString();
    }
}

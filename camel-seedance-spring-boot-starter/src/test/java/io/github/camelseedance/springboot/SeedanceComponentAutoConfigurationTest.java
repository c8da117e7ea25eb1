package io.github.camelseedance.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.SeedanceComponent;
import io.github.camelseedance.SeedanceConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.TimeUtils;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each {@code camel.component.seedance.*} property reaches the component Camel creates, in Spring Boot's forms. */
class SeedanceComponentAutoConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExecutorService POOL = Executors.newSingleThreadExecutor();
    private static final DnsResolver RESOLVER = SystemDefaultDnsResolver.INSTANCE;
    private static final SSLContextParameters TLS = new SSLContextParameters();
    /** Beans the bean-valued options refer to as #name. */
    private static final Map<String, Object> BEANS =
            Map.of("responseExecutorService", POOL, "dnsResolver", RESOLVER, "sslContextParameters", TLS);

    private static Map<String, JsonNode> options;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CamelAutoConfiguration.class,
                    SeedanceComponentConverter.class,
                    SeedanceComponentAutoConfiguration.class))
            .withBean("myExecutor", ExecutorService.class, () -> POOL)
            .withBean("myResolver", DnsResolver.class, () -> RESOLVER)
            .withBean("myTls", SSLContextParameters.class, () -> TLS);

    @BeforeAll
    static void readCatalog() throws IOException {
        options = new LinkedHashMap<>();
        try (InputStream in = SeedanceComponentAutoConfigurationTest.class
                .getClassLoader()
                .getResourceAsStream("META-INF/io/github/camelseedance/seedance.json")) {
            JSON.readTree(in)
                    .get("componentProperties")
                    .properties()
                    .forEach(e -> options.put(e.getKey(), e.getValue()));
        }
    }

    @Test
    void everyOptionSetAsAPropertyReachesTheComponent() {
        List<String> properties = new ArrayList<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        options.forEach((option, catalog) -> {
            if (option.equals("configuration")) {
                return; // replaces all the others: see aConfigurationBean... below
            }
            String dashed = StringHelper.camelCaseToDash(option);
            TestValue value = testValue(option, catalog);
            properties.add("camel.component.seedance." + dashed + "=" + value.written());
            expected.put(option, value.expected());
        });

        runner.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
            SeedanceComponent component = component(context);
            List<String> problems = new ArrayList<>();
            expected.forEach((option, value) -> {
                Object actual = optionValue(component, option);
                if (!value.equals(actual)) {
                    problems.add(option + ": " + actual + ", expected " + value);
                }
            });
            assertThat(problems).as("options that did not reach the component").isEmpty();
        });
    }

    @Test
    void withoutPropertiesTheComponentKeepsTheCatalogsDefaults() {
        runner.run(context -> {
            SeedanceComponent component = component(context);
            options.forEach((option, catalog) -> {
                if (catalog.has("defaultValue")) {
                    assertThat(String.valueOf(optionValue(component, option)))
                            .as(option)
                            .isEqualTo(defaultAsTheComponentHoldsIt(catalog));
                }
            });
        });
    }

    @Test
    void durationsTakeSpringBootsFormsAndPlainMilliseconds() {
        runner.withPropertyValues(
                        "camel.component.seedance.request-timeout=PT5M",
                        "camel.component.seedance.connect-timeout=1500",
                        "camel.component.seedance.retry-delay=250ms",
                        "camel.component.seedance.download-timeout=2h")
                .run(context -> {
                    SeedanceConfiguration configuration = component(context).getConfiguration();
                    assertThat(configuration.getRequestTimeout()).isEqualTo(300_000L);
                    assertThat(configuration.getConnectTimeout()).isEqualTo(1_500L);
                    assertThat(configuration.getRetryDelay()).isEqualTo(250L);
                    assertThat(configuration.getDownloadTimeout()).isEqualTo(Duration.ofHours(2));
                });
    }

    @Test
    void aConfigurationBeanKeepsItsValuesUnlessAPropertyNamesThem() {
        SeedanceConfiguration shared = new SeedanceConfiguration();
        shared.setModel("SIRAYA-Seedance-2.0");
        shared.setResolution("480p");
        shared.setMaxRetries(1);
        runner.withBean("sharedSeedance", SeedanceConfiguration.class, () -> shared)
                .withPropertyValues(
                        "camel.component.seedance.configuration=#sharedSeedance",
                        "camel.component.seedance.resolution=1080p")
                .run(context -> {
                    SeedanceConfiguration configuration = component(context).getConfiguration();
                    assertThat(configuration).isSameAs(shared);
                    assertThat(configuration.getModel()).isEqualTo("SIRAYA-Seedance-2.0");
                    assertThat(configuration.getMaxRetries()).isEqualTo(1);
                    assertThat(configuration.getResolution()).isEqualTo("1080p");
                });
    }

    @Test
    void aConfigurationBeanTakesAPropertyGivenAsAnEnvironmentVariable() {
        SeedanceConfiguration shared = new SeedanceConfiguration();
        shared.setResolution("480p");
        runner.withBean("sharedSeedance", SeedanceConfiguration.class, () -> shared)
                .withPropertyValues("camel.component.seedance.configuration=#sharedSeedance")
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("CAMEL_COMPONENT_SEEDANCE_RESOLUTION", "1080p"))))
                .run(context -> assertThat(component(context).getConfiguration().getResolution())
                        .isEqualTo("1080p"));
    }

    @Test
    void disabledTheComponentKeepsItsOwnValues() {
        runner.withPropertyValues(
                        "camel.component.seedance.enabled=false", "camel.component.seedance.model=SIRAYA-Seedance-2.0")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(SeedanceComponentAutoConfiguration.class);
                    assertThat(component(context).getConfiguration().getModel())
                            .isEqualTo("ByteDance-Seedance-1.5-pro");
                });
    }

    @Test
    void aValueSpringCannotBindFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("camel.component.seedance.max-retries=three")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("camel.component.seedance.max-retries"));
    }

    private static SeedanceComponent component(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        return context.getBean(CamelContext.class).getComponent("seedance", SeedanceComponent.class);
    }

    private static Object optionValue(SeedanceComponent component, String option) {
        return ((PropertyConfigurerGetter) component.getComponentPropertyConfigurer())
                .getOptionValue(component, option, false);
    }

    private record TestValue(String written, Object expected) {}

    /** A value other than the default, as a property writes it and as the component then holds it. */
    private static TestValue testValue(String option, JsonNode catalog) {
        String type = catalog.get("type").asText();
        String javaType = catalog.get("javaType").asText();
        if (BEANS.containsKey(option)) {
            String bean = switch (option) {
                case "responseExecutorService" -> "#myExecutor";
                case "dnsResolver" -> "#bean:myResolver";
                default -> "#myTls";
            };
            return new TestValue(bean, BEANS.get(option));
        }
        if (catalog.has("enum")) {
            JsonNode values = catalog.get("enum");
            String last = values.get(values.size() - 1).asText();
            return new TestValue(last, javaType.equals("java.lang.Long") ? (Object) Long.valueOf(last) : last);
        }
        return switch (type) {
            case "boolean" -> {
                boolean flipped = !catalog.path("defaultValue").asBoolean(false);
                yield new TestValue(Boolean.toString(flipped), flipped);
            }
            case "integer" ->
                javaType.equals("long") || javaType.equals("java.lang.Long")
                        ? new TestValue("12345", 12345L)
                        : new TestValue("7", 7);
            case "duration" ->
                javaType.equals("java.time.Duration")
                        ? new TestValue("7s", Duration.ofSeconds(7))
                        : new TestValue("7s", 7_000L);
            case "string" -> new TestValue("set-" + option, "set-" + option);
            default -> throw new AssertionError("No test value for " + option + " of type " + type);
        };
    }

    private static String defaultAsTheComponentHoldsIt(JsonNode catalog) {
        String value = catalog.get("defaultValue").asText();
        if (catalog.get("type").asText().equals("duration")
                && catalog.get("javaType").asText().equals("long")) {
            return Long.toString(TimeUtils.toMilliSeconds(value));
        }
        return value;
    }
}

package io.github.camelseedance.springboot;

import java.util.Map;
import java.util.Set;

import io.github.camelseedance.SeedanceComponent;
import io.github.camelseedance.SeedanceConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.seedance.*} properties to the seedance component when Camel creates it; off with
 * {@code camel.component.seedance.enabled=false}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, SeedanceComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, SeedanceComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.seedance"})
public class SeedanceComponentAutoConfiguration {

    static final String PREFIX = "camel.component.seedance";
    /** Switches of this auto-configuration, not options of the component. */
    private static final Set<String> STARTER_SWITCHES = Set.of("enabled", "customizer");

    private final ApplicationContext applicationContext;
    private final SeedanceComponentConfiguration configuration;

    public SeedanceComponentAutoConfiguration(
            ApplicationContext applicationContext, SeedanceComponentConfiguration configuration) {
        HttpClientRequirement.check();
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureSeedanceComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelContext camelContext = target.getCamelContext();
                Map<String, Object> options = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
                options.keySet().removeIf(STARTER_SWITCHES::contains);
                if (options.remove("configuration") instanceof SeedanceConfiguration shared) {
                    // set first, as the other options are set on it; its own values stand unless a property names them,
                    // rather than being reset to the defaults this class carries
                    ((SeedanceComponent) target).setConfiguration(shared);
                    options.keySet().removeIf(option -> !isConfigured(option));
                }
                // every option here is one of the component's: one that cannot be set fails the start, not just a log
                CamelPropertiesHelper.setCamelProperties(camelContext, target, options, true);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(
                                applicationContext, "camel.component.customizer", PREFIX + ".customizer")
                        && target instanceof SeedanceComponent;
            }
        };
    }

    /** Whether the application sets the option itself, in any property source and any of Spring's relaxed forms. */
    private boolean isConfigured(String option) {
        ConfigurationPropertyName key =
                ConfigurationPropertyName.of(PREFIX + "." + StringHelper.camelCaseToDash(option));
        for (ConfigurationPropertySource source :
                ConfigurationPropertySources.get(applicationContext.getEnvironment())) {
            if (source.getConfigurationProperty(key) != null) {
                return true;
            }
        }
        return false;
    }
}

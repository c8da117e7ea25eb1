package io.github.camelseedance.examples.springboot;

import java.util.HashMap;
import java.util.Map;

import io.github.camelseedance.emulator.EmulatorFallback;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses where generations go before the context starts: the Seedance API when {@code SEEDANCE_API_KEY} is set, else
 * an emulator on a free loopback port, whose address and key then win over application.properties. The emulator is a
 * bean ({@link EmulatorFallback}) and stops with the context, also when the context fails to start.
 */
class SeedanceTarget implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "seedanceTarget";
    private static final String[] VARIABLES = {"SEEDANCE_API_KEY", "SEEDANCE_BASE_URL"};

    private EmulatorFallback target;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        // read through Spring: the environment variables, or a property of the same name (as tests set one)
        Map<String, String> variables = new HashMap<>();
        for (String name : VARIABLES) {
            String value = environment.getProperty(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        target = EmulatorFallback.choose(variables);
        Map<String, Object> overrides = new HashMap<>(target.overrideProperties());
        if (!overrides.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("seedanceEmulator", overrides));
        }
        var beans = context.getBeanFactory();
        beans.registerSingleton(BEAN_NAME, target);
        // a singleton registered by hand is not closed with the context unless it is registered for disposal too
        ((DefaultSingletonBeanRegistry) beans).registerDisposableBean(BEAN_NAME, target::close);
    }

    /** What the last context initialized chose; for tests of a context that failed to start. */
    EmulatorFallback target() {
        return target;
    }
}

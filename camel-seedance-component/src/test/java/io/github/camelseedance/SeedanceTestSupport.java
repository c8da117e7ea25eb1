package io.github.camelseedance;

import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Camel context whose seedance component points at an emulator on a free loopback port. */
abstract class SeedanceTestSupport extends CamelTestSupport {

    static final String API_KEY = "sk-test-9f8e7d6c5b4a-secret";

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().apiKey(API_KEY).build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("seedance", pointedAt(SEEDANCE, API_KEY));
        return context;
    }

    /** A seedance component that talks to {@code emulator} with {@code apiKey}. */
    static SeedanceComponent pointedAt(SeedanceEmulatorExtension emulator, String apiKey) {
        SeedanceComponent component = new SeedanceComponent();
        component.getConfiguration().setBaseUrl(emulator.baseUrl());
        component.getConfiguration().setApiKey(apiKey);
        return component;
    }
}

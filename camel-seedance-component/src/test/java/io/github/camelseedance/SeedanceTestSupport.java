package io.github.camelseedance;

import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Camel context whose seedance component points at an emulator on a free loopback port. */
abstract class SeedanceTestSupport extends CamelTestSupport {

    static final String API_KEY = "sk-test-9f8e7d6c5b4a-secret";

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE = SeedanceEmulatorExtension.builder().apiKey(API_KEY).build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SeedanceComponent component = new SeedanceComponent();
        component.getConfiguration().setBaseUrl(SEEDANCE.baseUrl());
        component.getConfiguration().setApiKey(API_KEY);
        context.addComponent("seedance", component);
        return context;
    }
}

package io.github.camelseedance;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

/** A Camel context whose seedance component has a key and no base URL: each test points it at its own server. */
abstract class LoopbackServerTestSupport extends CamelTestSupport {

    static final String API_KEY = "sk-test-bounds";

    /** The test's server, started by the test and closed after it. */
    LoopbackServer server;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SeedanceComponent component = new SeedanceComponent();
        component.getConfiguration().setApiKey(API_KEY);
        context.addComponent("seedance", component);
        return context;
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}

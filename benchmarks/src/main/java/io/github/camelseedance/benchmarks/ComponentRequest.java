package io.github.camelseedance.benchmarks;

import io.github.camelseedance.emulator.SeedanceEmulator;

/**
 * The exact body the component posts for {@link RouteClient#PROMPT}, taken once from an emulator's records, so that
 * the hand-written floors ask the emulator the very same thing as the route.
 */
final class ComponentRequest {

    private ComponentRequest() {}

    static String body() throws Exception {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder()
                        .apiKey(EmulatorProcess.API_KEY)
                        .fixedClip()
                        .build()
                        .start();
                RouteClient route = new RouteClient(emulator.baseUrl())) {
            route.generate().join();
            return emulator.generationRequests().get(0).body();
        }
    }
}

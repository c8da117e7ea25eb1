package io.github.camelseedance.emulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an application's generations go: the real Seedance API when {@code SEEDANCE_API_KEY} is set, otherwise an
 * embedded {@link SeedanceEmulator} on loopback, whose address and key {@link #overrideProperties()} hands to Camel.
 */
public final class EmulatorFallback implements AutoCloseable {

    static final String API_KEY_VARIABLE = "SEEDANCE_API_KEY";
    static final String BASE_URL_VARIABLE = "SEEDANCE_BASE_URL";
    static final String DEFAULT_BASE_URL = "https://llm.siraya.ai";
    static final String EMULATOR_KEY_PROPERTY = "seedance.emulator.api-key";

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorFallback.class);

    private final SeedanceEmulator emulator;

    private EmulatorFallback(SeedanceEmulator emulator) {
        this.emulator = emulator;
    }

    /**
     * Starts the emulator only when {@code environment} (usually {@code System.getenv()}) holds no
     * {@code SEEDANCE_API_KEY}, or a blank one, and logs which of the two it chose.
     *
     * @param environment the variables to read {@code SEEDANCE_API_KEY} and {@code SEEDANCE_BASE_URL} from
     * @return the choice, to close when the application ends (it stops the emulator, if one was started)
     */
    public static EmulatorFallback choose(Map<String, String> environment) {
        String apiKey = environment.get(API_KEY_VARIABLE);
        if (apiKey != null && !apiKey.isBlank()) {
            // application.properties reads the key and base URL from the environment itself; the key is never logged
            String baseUrl = environment.getOrDefault(BASE_URL_VARIABLE, "");
            LOG.info(
                    "{} is set: using the Seedance API at {}",
                    API_KEY_VARIABLE,
                    baseUrl.isBlank() ? DEFAULT_BASE_URL : withoutCredentials(baseUrl));
            return new EmulatorFallback(null);
        }
        SeedanceEmulator emulator = SeedanceEmulator.builder().build().start();
        LOG.info("No {} set: using the embedded Seedance emulator at {}", API_KEY_VARIABLE, emulator.baseUrl());
        return new EmulatorFallback(emulator);
    }

    /** The running emulator, when one was started: empty when the real API is used. */
    public Optional<SeedanceEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    /**
     * The Camel properties that point the seedance component at the emulator: {@code camel.component.seedance.base-url}
     * and {@code camel.component.seedance.api-key} (through the placeholder {@code seedance.emulator.api-key}, so Camel
     * treats it as a secret). Empty when the real API is used: the application's own properties then apply. Give them
     * to Camel as override properties, which win over {@code application.properties}.
     */
    public Map<String, String> overrideProperties() {
        if (emulator == null) {
            return Map.of();
        }
        // the key goes in through a placeholder, as secrets should; a plain value would draw Camel's security warning
        return Map.of(
                "camel.component.seedance.base-url",
                emulator.baseUrl(),
                EMULATOR_KEY_PROPERTY,
                emulator.apiKey(),
                "camel.component.seedance.api-key",
                "{{" + EMULATOR_KEY_PROPERTY + "}}");
    }

    /** Stops the emulator, if one was started, and frees its port. */
    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }

    // a proxy URL may carry credentials in its user info or query; only scheme, host, port and path are logged
    private static String withoutCredentials(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "the URL in " + BASE_URL_VARIABLE;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return "the URL in " + BASE_URL_VARIABLE;
        }
    }
}

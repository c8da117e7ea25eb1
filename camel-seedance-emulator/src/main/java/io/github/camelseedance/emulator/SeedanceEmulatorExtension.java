package io.github.camelseedance.emulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running a {@link SeedanceEmulator}: as a static {@code @RegisterExtension} field one for the test
 * class, as an instance field (JUnit skips class callbacks there) one per test; every test starts from
 * {@link SeedanceEmulator#reset()}. DESIGN.md's "The emulator" shows its use.
 */
public final class SeedanceEmulatorExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final SeedanceEmulator.Builder config;
    private volatile SeedanceEmulator emulator;
    private boolean startedForOneTest;

    private SeedanceEmulatorExtension(SeedanceEmulator.Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startNew();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null || !emulator.isRunning()) {
            startNew();
            startedForOneTest = true;
        } else {
            emulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedForOneTest) {
            stop();
            startedForOneTest = false;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** The running emulator, for anything not delegated here. */
    public SeedanceEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The Seedance emulator starts with the tests; it is not running yet");
        }
        return emulator;
    }

    public String baseUrl() {
        return emulator().baseUrl();
    }

    public String apiKey() {
        return emulator().apiKey();
    }

    public int port() {
        return emulator().port();
    }

    public void setLatency(Duration latency) {
        emulator().setLatency(latency);
    }

    public List<RecordedRequest> generationRequests() {
        return emulator().generationRequests();
    }

    public int generationCount() {
        return emulator().generationCount();
    }

    public List<String> violations() {
        return emulator().violations();
    }

    public List<RecordedDownload> downloads() {
        return emulator().downloads();
    }

    public void enqueue(EmulatorResponse response) {
        emulator().enqueue(response);
    }

    public List<RecordedRequest> modelRequests() {
        return emulator().modelRequests();
    }

    public int modelRequestCount() {
        return emulator().modelRequestCount();
    }

    public void enqueueModels(EmulatorResponse response) {
        emulator().enqueueModels(response);
    }

    public long videoSize() {
        return emulator().videoSize();
    }

    public long videoSize(String videoUrl) {
        return emulator().videoSize(videoUrl);
    }

    public boolean isFixedClip() {
        return emulator().isFixedClip();
    }

    public int generationsInFlight() {
        return emulator().generationsInFlight();
    }

    public int maxConcurrentGenerations() {
        return emulator().maxConcurrentGenerations();
    }

    public void dropNextConnections(int count) {
        emulator().dropNextConnections(count);
    }

    public int droppedConnections() {
        return emulator().droppedConnections();
    }

    public void breakNextDownloads(int count) {
        emulator().breakNextDownloads(count);
    }

    public void setVideoLengthSent(boolean sent) {
        emulator().setVideoLengthSent(sent);
    }

    public void stallNextDownloads(int count) {
        emulator().stallNextDownloads(count);
    }

    public void setRangesSupported(boolean supported) {
        emulator().setRangesSupported(supported);
    }

    public void breakNextDownloadAt(long offset) {
        emulator().breakNextDownloadAt(offset);
    }

    public int downloadsInFlight() {
        return emulator().downloadsInFlight();
    }

    public double faultRate() {
        return emulator().faultRate();
    }

    public void setFaultRate(double rate) {
        emulator().setFaultRate(rate);
    }

    public long faultSeed() {
        return emulator().faultSeed();
    }

    public void reset() {
        emulator().reset();
    }

    private void startNew() {
        emulator = config.build().start();
    }

    private void stop() {
        SeedanceEmulator running = emulator;
        if (running != null) {
            running.close();
        }
    }

    /** Configures the emulator the extension runs; same options and defaults as {@link SeedanceEmulator.Builder}. */
    public static final class Builder {

        private final SeedanceEmulator.Builder config = SeedanceEmulator.builder();

        private Builder() {}

        public Builder apiKey(String apiKey) {
            config.apiKey(apiKey);
            return this;
        }

        public Builder latency(Duration latency) {
            config.latency(latency);
            return this;
        }

        public Builder host(String host) {
            config.host(host);
            return this;
        }

        public Builder port(int port) {
            config.port(port);
            return this;
        }

        public Builder fixedClip() {
            config.fixedClip();
            return this;
        }

        public Builder videoSize(long bytes) {
            config.videoSize(bytes);
            return this;
        }

        public Builder faultRate(double rate) {
            config.faultRate(rate);
            return this;
        }

        public Builder faultSeed(long seed) {
            config.faultSeed(seed);
            return this;
        }

        public Builder faults(Fault... kinds) {
            config.faults(kinds);
            return this;
        }

        public Builder firstAttemptFault(Fault kind) {
            config.firstAttemptFault(kind);
            return this;
        }

        public Builder tls() {
            config.tls();
            return this;
        }

        public SeedanceEmulatorExtension build() {
            return new SeedanceEmulatorExtension(config);
        }
    }
}

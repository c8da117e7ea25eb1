package io.github.camelseedance.emulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which image URLs the emulator may fetch, decided from the text alone: this test opens no connection and looks up no
 * name. Only a loopback literal (127.0.0.0/8, ::1) or {@code localhost} qualifies.
 */
class FrameImageFetcherTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:9000/bucket/cat.png?X-Amz-Signature=abc",
                "http://127.1.2.3/a.png",
                "https://127.0.0.1/a.png",
                "http://localhost:8080/a.png",
                "HTTP://LOCALHOST/a.png",
                "http://[::1]:8080/a.png"
            })
    void aLoopbackHostMayBeFetched(String url) {
        assertThat(FrameImageFetcher.refusal(url)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/a.png",
                "http://10.0.0.1/a.png",
                "http://192.168.1.10:8080/a.png",
                "http://[::2]/a.png",
                // names that a resolver might turn into a loopback address are still names: never looked up
                "http://127.0.0.1.nip.io/a.png",
                "http://localhost.localdomain/a.png",
                "http://localhost./a.png",
                // 127.0.0.1 as one number or in hex: not a literal this emulator reads
                "http://2130706433/a.png",
                "http://0x7f.0.0.1/a.png",
                "http://300.0.0.1/a.png"
            })
    void anyOtherHostIsNotALoopbackAddress(String url) {
        assertThat(FrameImageFetcher.refusal(url)).isEqualTo("not a loopback address");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:99999/a.png",
                "http://localhost:65536/a.png",
                "http://[::1]:70000/a.png",
                // java.net.URI keeps these only in the authority, and reports no port for them at all
                "http://127.0.0.1:99999999999/a.png",
                "http://127.0.0.1:0x50/a.png",
                "http://127.0.0.1:-1/a.png"
            })
    void aPortThatNoSocketCanHaveIsRefused(String url) {
        assertThat(FrameImageFetcher.refusal(url)).matches("port .* is not from 0 to 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:65535/a.png", "http://127.0.0.1:080/a.png", "http://127.0.0.1:/a.png"})
    void aPortFrom0To65535OrNoneMayBeFetched(String url) {
        assertThat(FrameImageFetcher.refusal(url)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/a.png", "file:///tmp/a.png", "not a url", "/relative/a.png"})
    void onlyHttpAndHttpsUrlsWithAHostCount(String url) {
        assertThat(FrameImageFetcher.refusal(url)).isEqualTo("not an http or https URL with a host");
    }
}

package io.github.camelseedance.emulator;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.1.2.3",
                "127.255.255.254",
                "::1",
                "[::1]",
                "0:0:0:0:0:0:0:1",
                "::ffff:127.0.0.1",
                "localhost",
                "LOCALHOST"
            })
    void loopbackLiteralsAndLocalhostAreLoopback(String host) {
        InetAddress address = LoopbackAddresses.of(host);

        assertThat(address).isNotNull();
        assertThat(address.isLoopbackAddress()).isTrue();
    }

    // names other than localhost are never looked up, so a name that would resolve to loopback is refused as well
    @ParameterizedTest
    @ValueSource(
            strings = {
                "example.com",
                "127.0.0.1.example.com",
                "localhost.example.com",
                "10.0.0.1",
                "192.0.2.1",
                "0.0.0.0",
                "128.0.0.1",
                "::2",
                "[2001:db8::1]",
                "300.0.0.1",
                "127.1",
                "127.0.0.1.",
                "0x7f.0.0.1",
                "",
                "[::1",
                "::1]"
            })
    void everythingElseIsNot(String host) {
        assertThat(LoopbackAddresses.of(host)).isNull();
    }
}

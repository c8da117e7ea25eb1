package io.github.camelseedance.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyTargetTest {

    @Test
    void connectAuthorityIsHostAndPort() {
        ProxyTarget target = ProxyTarget.ofAuthority("127.0.0.1:8443");

        assertThat(target.host()).isEqualTo("127.0.0.1");
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.loopback()).isTrue();
        assertThat(target.authority()).isEqualTo("127.0.0.1:8443");
        assertThat(target.socketAddress().hostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6AuthorityIsInBrackets() {
        ProxyTarget target = ProxyTarget.ofAuthority("[::1]:443");

        assertThat(target.host()).isEqualTo("[::1]");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.loopback()).isTrue();
    }

    @Test
    void targetOffLoopbackHasNoAddress() {
        ProxyTarget target = ProxyTarget.ofAuthority("example.com:443");

        assertThat(target.loopback()).isFalse();
        assertThat(target.address()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.0.0.1:",
                ":443",
                "127.0.0.1:0",
                "127.0.0.1:65536",
                "127.0.0.1:-1",
                "127.0.0.1:44x",
                "::1:443",
                "[::1]",
                "127.0.0.1:1234567"
            })
    void malformedAuthorityIsRejected(String authority) {
        assertThatThrownBy(() -> ProxyTarget.ofAuthority(authority)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.github.camelseedance.examples.jmsqueue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultDownloadsTest {

    @Test
    void aRequestIdBecomesASafeFileNameOfItsOwn() {
        Set<String> taken = new HashSet<>();

        assertThat(ResultDownloads.fileName("order-1001", taken)).isEqualTo("order-1001.mp4");
        assertThat(ResultDownloads.fileName("../etc/passwd", taken)).isEqualTo("_._etc_passwd.mp4");
        assertThat(ResultDownloads.fileName("a b", taken)).isEqualTo("a_b.mp4");
        assertThat(ResultDownloads.fileName("a/b", taken))
                .as("two ids, one name")
                .isEqualTo("a_b-2.mp4");
        assertThat(ResultDownloads.fileName("ORDER-1001", taken))
                .as("a case-insensitive file system")
                .isEqualTo("ORDER-1001-2.mp4");
    }
}

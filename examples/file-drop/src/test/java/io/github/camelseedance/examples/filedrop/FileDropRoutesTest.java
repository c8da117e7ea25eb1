package io.github.camelseedance.examples.filedrop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileDropRoutesTest {

    @Test
    void failureReasonsAreLoggedOnOneLine() {
        assertThat(FileDropRoutes.oneLine(new IllegalStateException("Unexpected end-of-input\n at [line: 1]  ")))
                .isEqualTo("Unexpected end-of-input at [line: 1]");
        assertThat(FileDropRoutes.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(FileDropRoutes.oneLine(null)).isEqualTo("unknown failure");
    }
}

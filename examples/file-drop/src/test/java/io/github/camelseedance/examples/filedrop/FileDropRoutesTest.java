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

    @Test
    void theRootCauseIsAddedWhenTheMessageDoesNotSayIt() {
        Exception broken = new IllegalStateException(
                "Cannot store file: out/.part-a.mp4",
                new RuntimeException("wrapped", new java.io.IOException("EOF reached\nwhile reading")));
        Exception said = new IllegalStateException("The connection failed: reset", new java.io.IOException("reset"));

        assertThat(FileDropRoutes.oneLine(broken))
                .isEqualTo("Cannot store file: out/.part-a.mp4 (EOF reached while reading)");
        assertThat(FileDropRoutes.oneLine(said)).isEqualTo("The connection failed: reset");
    }
}

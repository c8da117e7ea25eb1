package io.github.camelseedance.emulator;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The helper that runs ffprobe and ffmpeg gives up on a process that does not finish, rather than wait for ever. */
class FfprobeTest {

    @Test
    void aProcessThatDoesNotFinishInTimeIsStoppedAndReported() {
        // sleep keeps its output open as a hung ffprobe would: a helper reading to the end first would wait it out
        assertThatThrownBy(() -> Ffprobe.run(Duration.ofSeconds(1), "sleep", "30"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("sleep 30 did not finish");
    }

    @Test
    void aProcessThatFinishesGivesItsExitCodeAndOutput() throws Exception {
        Ffprobe.Result result = Ffprobe.run(Duration.ofSeconds(60), "sh", "-c", "echo out; echo err >&2; exit 3");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("out").contains("err");
    }
}

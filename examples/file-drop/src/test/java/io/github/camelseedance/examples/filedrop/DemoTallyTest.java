package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTallyTest {

    @TempDir
    Path input;

    @Test
    void sortsInputsByTheFolderTheyWereMovedTo() throws IOException {
        touch(input.resolve(".done/a.txt"));
        touch(input.resolve(".error/b.json"));
        touch(input.resolve("c.txt"));
        // in .done from an earlier run but dropped again: still pending
        touch(input.resolve(".done/d.txt"));
        touch(input.resolve("d.txt"));

        DemoTally tally = DemoTally.of(input, List.of("a.txt", "b.json", "c.txt", "d.txt", "e.txt"));

        assertThat(tally.done()).containsExactly("a.txt");
        assertThat(tally.failed()).containsExactly("b.json");
        assertThat(tally.pending()).containsExactly("c.txt", "d.txt", "e.txt");
        assertThat(tally.allSettled()).isFalse();
        assertThat(tally.succeeded()).isFalse();
    }

    @Test
    void succeedsOnlyWhenEveryInputIsDone() {
        assertThat(new DemoTally(List.of("a.txt"), List.of(), List.of()).succeeded())
                .isTrue();
        assertThat(new DemoTally(List.of("a.txt"), List.of("b.txt"), List.of()).succeeded())
                .isFalse();
        assertThat(new DemoTally(List.of(), List.of(), List.of()).succeeded())
                .as("nothing ran")
                .isFalse();
    }

    @Test
    void summaryNamesTheOutputFolderAndTheFailures() {
        Path in = Path.of("/data/input");
        Path out = Path.of("/data/output");

        List<String> lines = new DemoTally(List.of("a.txt", "c.txt"), List.of("b.json"), List.of()).summary(in, out);

        assertThat(lines.get(0)).isEqualTo("Seedance file-drop demo: 2 of 3 inputs became videos, 1 failed");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("Videos:").endsWith(out.toString()));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains(in.resolve(".error").toString())
                        .contains("b.json"));
    }

    @Test
    void summaryReportsUnfinishedInputs() {
        List<String> lines =
                new DemoTally(List.of(), List.of(), List.of("slow.txt")).summary(Path.of("/in"), Path.of("/out"));

        assertThat(lines.get(0)).endsWith("1 unfinished");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("Unfinished:").contains("slow.txt"));
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }

    @Test
    void theRunningCountSaysWhatIsDoneFailedAndInFlight() {
        DemoTally tally =
                new DemoTally(List.of("a.txt", "c.txt"), List.of("b.json"), List.of("d.txt", "e.txt", "f.txt"));

        assertThat(tally.progress(2, Duration.ofMillis(12_400)))
                .isEqualTo("Running for 12 s: 2 of 6 inputs done, 1 failed, 2 in flight, 1 waiting");
    }
}

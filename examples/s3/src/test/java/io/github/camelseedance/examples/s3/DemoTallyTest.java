package io.github.camelseedance.examples.s3;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTallyTest {

    private static final BucketNames SAME_BUCKET = new BucketNames("in", "out", "in");

    @Test
    void sortsImagesByWhereTheyWereMoved() {
        Set<String> input = Set.of(
                "demo/c.png",
                "done/demo/a.png",
                "error/demo/b.png",
                "error/demo/b.png.error.txt",
                // copied to done/ but not deleted yet: still pending
                "demo/d.png",
                "done/demo/d.png");

        DemoTally tally = DemoTally.of(
                input, input, List.of("demo/a.png", "demo/b.png", "demo/c.png", "demo/d.png", "demo/e.png"));

        assertThat(tally.done()).containsExactly("demo/a.png");
        assertThat(tally.failed()).containsExactly("demo/b.png");
        assertThat(tally.pending()).containsExactly("demo/c.png", "demo/d.png", "demo/e.png");
        assertThat(tally.succeeded()).isFalse();
    }

    @Test
    void readsDoneAndErrorFromASeparateArchiveBucket() {
        DemoTally tally = DemoTally.of(
                Set.of(), Set.of("done/demo/a.png", "error/demo/b.png"), List.of("demo/a.png", "demo/b.png"));

        assertThat(tally.done()).containsExactly("demo/a.png");
        assertThat(tally.failed()).containsExactly("demo/b.png");
    }

    @Test
    void succeedsOnlyWhenEveryImageBecameAVideo() {
        assertThat(DemoTally.of(Set.of(), Set.of("done/a.png"), List.of("a.png"))
                        .succeeded())
                .isTrue();
        assertThat(DemoTally.of(Set.of(), Set.of(), List.of()).succeeded())
                .as("nothing uploaded")
                .isFalse();
    }

    @Test
    void summaryNamesEachVideoAndEachFailureWithItsReason() {
        DemoTally tally = new DemoTally(List.of("demo/a.png"), List.of("demo/b.png"), List.of("demo/c.png"));

        List<String> lines = tally.summary(SAME_BUCKET, Map.of("demo/b.png", "no prompt"), Path.of("/videos"));

        assertThat(lines.get(0)).isEqualTo("Seedance S3 demo: 1 of 3 images became videos, 1 failed, 1 unfinished");
        assertThat(lines)
                .contains(
                        "  demo/a.png -> demo/a.mp4",
                        "  demo/b.png failed: no prompt",
                        "  demo/c.png unfinished",
                        "Images: s3://in (handled ones moved to done/, failed ones to error/)",
                        "Videos: s3://out, downloaded to /videos");
    }

    @Test
    void summaryNamesASeparateArchiveBucket() {
        DemoTally tally = new DemoTally(List.of("a.png"), List.of(), List.of());

        List<String> lines = tally.summary(new BucketNames("in", "out", "archive"), Map.of(), Path.of("/videos"));

        assertThat(lines)
                .contains(
                        "Images: s3://in (handled ones moved to s3://archive/done/, failed ones to s3://archive/error/)");
    }

    @Test
    void theRunningCountSaysWhatIsDoneFailedAndInFlight() {
        DemoTally tally = new DemoTally(List.of("demo/a.png"), List.of(), List.of("demo/b.png", "demo/c.png"));

        assertThat(tally.progress(1, Duration.ofSeconds(65)))
                .isEqualTo("Running for 65 s: 1 of 3 images done, 0 failed, 1 in flight, 1 waiting");
    }
}

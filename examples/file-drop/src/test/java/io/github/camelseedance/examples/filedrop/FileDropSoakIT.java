package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelseedance.emulator.Fault;
import io.github.camelseedance.emulator.RecordedRequest;
import io.github.camelseedance.emulator.SeedanceEmulator;
import io.github.camelseedance.examples.gallery.Mp4Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application under load with random faults: many prompts, 5% of generations answered with a fault, fast
 * retries. Every input must end in {@code .done} or {@code .error}, the videos must match the {@code .done} inputs,
 * no input may be generated twice, and every generation answered with a video must give a video file: a broken
 * download is resumed, never lost. The fault an input met decides where it must end: a fault the provider cannot have
 * started is retried, so the input is done; an ambiguous one sends it to {@code .error} without a second POST.
 *
 * <p>An integration test (Failsafe, in {@code verify}): CI runs 100 prompts. The full run alone (see the README's Soak
 * section): {@code mvn -B -ntp verify -pl examples/file-drop -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=FileDropSoakIT -Dsoak.prompts=1000}; {@code -Dsoak.seed=...} replays or varies the faults.
 */
class FileDropSoakIT {

    private static final int PROMPTS = Integer.getInteger("soak.prompts", 100);
    private static final long SEED = Long.getLong("soak.seed", 20260101L);
    private static final double FAULT_RATE = 0.05;
    /** The component's default: a fault the provider cannot have started is sent again up to three times. */
    private static final int MAX_ATTEMPTS = 4;
    /** Every this many inputs one breaks the contract, so validation failures are in the mix (and cost no POST). */
    private static final int INVALID_EVERY = 50;

    @TempDir
    Path dir;

    @Test
    void everyInputEndsInDoneOrErrorAndNoneIsGeneratedTwice() throws Exception {
        long started = System.nanoTime();
        // the fixed clip: a soak measures the flow, not the emulator rendering thousands of videos
        try (SeedanceEmulator emulator = SeedanceEmulator.builder()
                .fixedClip()
                .latency(Duration.ofMillis(20))
                .faultRate(FAULT_RATE)
                .faultSeed(SEED)
                .build()
                .start()) {
            Map<String, String> promptByInput = writeInputs(dir.resolve("input"));
            Map<String, String> settings = Map.of(
                    "filedrop.concurrency", "50",
                    "filedrop.poll-delay", "100",
                    // fast backoff so a run is quick; a 429's Retry-After of 1 s is still honoured
                    "camel.component.seedance.retry-delay", "20");

            Path input;
            Path output;
            try (FileDropRun run = FileDropRun.start(emulator, dir, settings)) {
                input = run.input();
                output = run.output();
                await().atMost(Duration.ofSeconds(60 + PROMPTS / 5))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> FileDropRun.inputs(input).isEmpty() && run.inFlight() == 0);
            }
            Duration wallTime = Duration.ofNanos(System.nanoTime() - started);

            Outcome outcome = Outcome.read(input, output, promptByInput.keySet());
            Map<String, List<RecordedRequest>> postsByPrompt = emulator.generationRequests().stream()
                    .collect(Collectors.groupingBy(
                            r -> r.json().get("prompt").asText(), LinkedHashMap::new, Collectors.toList()));

            assertThat(outcome.unsettled())
                    .as("inputs in neither .done nor .error")
                    .isEmpty();
            assertThat(FileDropRun.files(input))
                    .as("nothing left in the input folder, not even a read-lock marker")
                    .isEmpty();
            assertThat(emulator.violations()).isEmpty();
            assertThat(postsByPrompt.keySet())
                    .as("POSTs only for inputs' prompts")
                    .isSubsetOf(new HashSet<>(promptByInput.values()));
            for (Map.Entry<String, String> entry : promptByInput.entrySet()) {
                String name = entry.getKey();
                List<RecordedRequest> posts = postsByPrompt.getOrDefault(entry.getValue(), List.of());
                assertThat(outcome.where(name))
                        .as("where %s ended, after %s", name, posts)
                        .isEqualTo(expectedFolder(name, posts));
            }
            long answeredWithVideo = postsByPrompt.values().stream()
                    .filter(posts -> posts.stream().anyMatch(post -> post.status() == 200))
                    .count();
            assertThat(outcome.videos())
                    .as("a video file for every generation answered with a video: no paid video lost")
                    .hasSize((int) answeredWithVideo);
            assertThat(outcome.videos())
                    .as("one video per .done input")
                    .containsExactlyInAnyOrderElementsOf(
                            outcome.done().stream().map(FileDropSoakIT::videoOf).toList());
            for (String video : outcome.videos()) {
                Mp4Files.assertStartsAsMp4(output.resolve(video));
            }
            List<String> expectedFiles = new ArrayList<>(outcome.videos());
            expectedFiles.add("index.html");
            assertThat(FileDropRun.files(output))
                    .as("nothing but the videos and their page: no .part-* file")
                    .containsExactlyInAnyOrderElementsOf(expectedFiles);
            List<GalleryRecords.Record> cards = List.copyOf(new GalleryRecords<>(output, record -> record).all());
            assertThat(cards)
                    .as("one card per input, however many ended at once")
                    .extracting(GalleryRecords.Record::input)
                    .containsExactlyInAnyOrderElementsOf(promptByInput.keySet());
            assertThat(cards.stream().filter(card -> card.video() != null))
                    .as("a video card per .done input")
                    .extracting(GalleryRecords.Record::input)
                    .containsExactlyInAnyOrderElementsOf(outcome.done());
            GalleryPage page = GalleryPage.read(output);
            assertThat(page.inputs())
                    .as("the page: every card, or the latest ones beyond its bound")
                    .hasSize(Math.min(promptByInput.size(), FileDropGallery.MAX_CARDS))
                    .doesNotHaveDuplicates()
                    .isSubsetOf(promptByInput.keySet());
            String counts = outcome.done().size() + " videos, "
                    + (promptByInput.size() - outcome.done().size()) + " failed";
            assertThat(page.summary())
                    .as("the summary counts every card")
                    .isEqualTo(
                            promptByInput.size() > FileDropGallery.MAX_CARDS
                                    ? counts + "; the latest " + FileDropGallery.MAX_CARDS + " shown"
                                    : counts);
            assertThat(FileDropRun.files(input.resolve(PaidVideos.DIR)))
                    .as("no video paid for and left unwritten")
                    .isEmpty();

            System.out.println(summary(promptByInput.size(), outcome, emulator.generationRequests(), wallTime));
        }
    }

    /**
     * Where an input must end, given its POSTs in arrival order. Each POST before the last must have met a fault the
     * provider cannot have started (nothing else is sent again), and at most one was answered with a video.
     */
    private static String expectedFolder(String name, List<RecordedRequest> posts) {
        if (isInvalid(name)) {
            assertThat(posts).as("an invalid input is rejected before any POST").isEmpty();
            return FileDropRoutes.ERROR_DIR;
        }
        assertThat(posts).as("POSTs for %s", name).isNotEmpty().hasSizeLessThanOrEqualTo(MAX_ATTEMPTS);
        assertThat(posts.subList(0, posts.size() - 1))
                .as("%s was sent again only after a not-started fault", name)
                .allSatisfy(post -> assertThat(post.fault()).isNotNull().matches(Fault::notStarted));
        assertThat(posts)
                .filteredOn(post -> post.status() == 200)
                .as("%s answered with a video at most once", name)
                .hasSizeLessThanOrEqualTo(1);
        Fault last = posts.get(posts.size() - 1).fault();
        // a broken download is taken up again from its first missing byte: the paid video is written
        if (last == null || last == Fault.BROKEN_DOWNLOAD) {
            return FileDropRoutes.DONE_DIR;
        }
        if (last.notStarted()) {
            assertThat(posts).as("%s given up only after every attempt", name).hasSize(MAX_ATTEMPTS);
        }
        // ambiguous faults are not retried: the provider may be billing
        return FileDropRoutes.ERROR_DIR;
    }

    /** Inputs written before the application starts: mostly text prompts, a third as JSON requests, a few invalid. */
    private static Map<String, String> writeInputs(Path input) throws IOException {
        Files.createDirectories(input);
        Map<String, String> promptByInput = new LinkedHashMap<>();
        for (int i = 1; i <= PROMPTS; i++) {
            String prompt = String.format(Locale.ROOT, "Soak prompt %05d: a paper boat drifting past lantern %d", i, i);
            String name;
            String content;
            if (i % INVALID_EVERY == 0) {
                name = String.format(Locale.ROOT, "invalid-%05d.json", i);
                content = "{\"prompt\": \"" + prompt + "\", \"seconds\": 7}";
            } else if (i % 3 == 0) {
                name = String.format(Locale.ROOT, "request-%05d.json", i);
                content = "{\"prompt\": \"" + prompt + "\", \"seconds\": 10, \"aspect_ratio\": \"9:16\"}";
            } else {
                name = String.format(Locale.ROOT, "prompt-%05d.txt", i);
                content = prompt + "\n";
            }
            Path file = input.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            // older than the consumer's readLockMinAge, so the first poll takes them all at once
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
            promptByInput.put(name, prompt);
        }
        return promptByInput;
    }

    private static boolean isInvalid(String name) {
        return name.startsWith("invalid-");
    }

    private static String videoOf(String input) {
        return input.substring(0, input.lastIndexOf('.')) + ".mp4";
    }

    private static String summary(int prompts, Outcome outcome, List<RecordedRequest> posts, Duration wallTime) {
        Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
        posts.stream().filter(p -> p.fault() != null).forEach(p -> faults.merge(p.fault(), 1, Integer::sum));
        long billed = posts.stream().filter(p -> p.status() == 200).count();
        return String.format(
                Locale.ROOT,
                "Soak: %d prompts (%d invalid), %d done, %d error, %d videos; %d POSTs (%d"
                        + " answered with a video), %d faults %s; fault rate %.2f, seed %d; %.1f s",
                prompts,
                prompts / INVALID_EVERY,
                outcome.done().size(),
                outcome.failed().size(),
                outcome.videos().size(),
                posts.size(),
                billed,
                faults.values().stream().mapToInt(Integer::intValue).sum(),
                faults,
                FAULT_RATE,
                SEED,
                wallTime.toMillis() / 1000.0);
    }

    /** Where every input ended, and the videos written, read from the folders after the run. */
    private record Outcome(Set<String> done, Set<String> failed, Set<String> unsettled, List<String> videos) {

        static Outcome read(Path input, Path output, Set<String> names) throws IOException {
            Set<String> doneFolder = new HashSet<>(FileDropRun.files(input.resolve(FileDropRoutes.DONE_DIR)));
            Set<String> errorFolder = new HashSet<>(FileDropRun.files(input.resolve(FileDropRoutes.ERROR_DIR)));
            Set<String> done = new HashSet<>();
            Set<String> failed = new HashSet<>();
            Set<String> unsettled = new HashSet<>();
            for (String name : names) {
                boolean isDone = doneFolder.contains(name);
                boolean isFailed = errorFolder.contains(name);
                if (isDone == isFailed) {
                    // in neither, or (which would be worse) in both
                    unsettled.add(name);
                } else if (isDone) {
                    done.add(name);
                } else {
                    failed.add(name);
                }
            }
            List<String> videos = new ArrayList<>(FileDropRun.files(output).stream()
                    .filter(f -> f.endsWith(".mp4") && !f.startsWith("."))
                    .toList());
            return new Outcome(done, failed, unsettled, videos);
        }

        String where(String name) {
            return done.contains(name)
                    ? FileDropRoutes.DONE_DIR
                    : failed.contains(name) ? FileDropRoutes.ERROR_DIR : "nowhere";
        }
    }
}

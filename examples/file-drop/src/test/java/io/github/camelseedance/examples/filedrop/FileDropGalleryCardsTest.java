package io.github.camelseedance.examples.filedrop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The cards a long run's page shows: the latest, a card per input and video, counted all in the summary. */
class FileDropGalleryCardsTest {

    @TempDir
    Path output;

    private final DefaultCamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void thePageShowsTheLatestCardsWhileItsSummaryCountsThemAll() throws Exception {
        FileDropGallery gallery = new FileDropGallery(output, 3, new TickingClock());
        for (int i = 1; i <= 4; i++) {
            gallery.failed(input("in-" + i + ".txt", null), "reason " + i);
        }
        Files.writeString(output.resolve("boat.mp4"), "a video");
        gallery.videoWritten(input("boat.txt", "boat.mp4"));

        Document page = Jsoup.parse(Files.readString(gallery.page()));
        assertThat(page.select("main#cards > article.card").eachAttr("data-input"))
                .containsExactly("boat.txt", "in-4.txt", "in-3.txt");
        assertThat(page.selectFirst("p.summary").text()).isEqualTo("1 video, 4 failed; the latest 3 shown");
        assertThat(FileDropRun.files(output.resolve(GalleryRecords.DIR)))
                .as("every card is kept")
                .hasSize(5);

        // another run on the same folder: the same page from the records
        new FileDropGallery(output, 3, new TickingClock()).rewrite();
        assertThat(Jsoup.parse(Files.readString(gallery.page()))
                        .select("main#cards > article.card")
                        .eachAttr("data-input"))
                .containsExactly("boat.txt", "in-4.txt", "in-3.txt");
    }

    @Test
    void anInputThatFailsAgainHasOneCardWithTheLatestReason() throws Exception {
        FileDropGallery gallery = new FileDropGallery(output, 3, new TickingClock());

        gallery.failed(input("fox.json", null), "first reason");
        gallery.failed(input("fox.json", null), "second reason");

        Document page = Jsoup.parse(Files.readString(gallery.page()));
        assertThat(page.select("article.card .failure").eachText()).containsExactly("second reason");
        assertThat(FileDropRun.files(output.resolve(GalleryRecords.DIR))).hasSize(1);
    }

    private Exchange input(String name, String video) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(FileDropGallery.INPUT_NAME, name);
        exchange.setProperty(
                FileDropGallery.REQUEST,
                VideoGenerationRequest.builder().prompt("A prompt for " + name).build());
        if (video != null) {
            exchange.setProperty(FileDropRoutes.VIDEO_NAME, video);
        }
        return exchange;
    }

    /** A second later at each reading, so every card has a time of its own. */
    private static final class TickingClock extends Clock {

        private final AtomicLong seconds = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seconds.incrementAndGet());
        }
    }
}

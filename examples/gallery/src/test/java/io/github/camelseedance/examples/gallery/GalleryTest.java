package io.github.camelseedance.examples.gallery;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.camelseedance.model.VideoGenerationRequest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GalleryTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"quotes\" <img src=x onerror=alert(1)>";

    private static VideoGenerationRequest request(String prompt) {
        return VideoGenerationRequest.builder()
                .model("SIRAYA-Seedance-2.0")
                .prompt(prompt)
                .resolution("720p")
                .aspectRatio("9:16")
                .seconds(10)
                .seed(42L)
                .generateAudio(true)
                .lastFrame("http://127.0.0.1:9/last.png")
                .firstFrame("http://127.0.0.1:9/first.png")
                .build();
    }

    @Test
    void aVideoCardShowsItsVideoPromptModelAndParameters() {
        Document page =
                Jsoup.parse(Gallery.html("Run", List.of(GalleryCard.video("a.txt", request("a cat"), "./a.mp4"))));

        Element card = page.selectFirst("article.card[data-input=a.txt]");
        assertThat(card).isNotNull();
        Element video = card.selectFirst("video");
        assertThat(video.attr("src")).isEqualTo("./a.mp4");
        assertThat(video.hasAttr("controls")).isTrue();
        assertThat(video.attr("preload")).isEqualTo("metadata");
        assertThat(card.selectFirst(".prompt").text()).isEqualTo("a cat");
        assertThat(card.select(".parameters dt").eachText())
                .containsExactly(
                        "Model", "Resolution", "Aspect ratio", "Seconds", "Seed", "Audio", "First frame", "Last frame");
        assertThat(card.select(".parameters dd").eachText())
                .containsExactly(
                        "SIRAYA-Seedance-2.0",
                        "720p",
                        "9:16",
                        "10",
                        "42",
                        "true",
                        "http://127.0.0.1:9/first.png",
                        "http://127.0.0.1:9/last.png");
        assertThat(card.select(".failure")).isEmpty();
    }

    @Test
    void aFailedCardShowsTheReasonAndNoVideo() {
        Document page = Jsoup.parse(Gallery.html(
                "Run",
                List.of(
                        GalleryCard.video("a.txt", request("a cat"), "./a.mp4"),
                        GalleryCard.failed("b.json", null, "prompt must not be blank"))));

        Element card = page.selectFirst("article.card.failed[data-input=b.json]");
        assertThat(card.select("video")).isEmpty();
        assertThat(card.selectFirst(".failure").text()).isEqualTo("prompt must not be blank");
        assertThat(page.selectFirst(".summary").text()).isEqualTo("1 video, 1 failed");
    }

    @Test
    void lineBreaksAndRunsOfSpacesInAPromptAndAReasonReachThePageAsWritten() {
        String prompt = "line one\nline   two";
        String reason = "refused:\n  first\n  second";
        String html = Gallery.html(
                "Run",
                List.of(
                        GalleryCard.video("a.txt", request(prompt), "./a.mp4"),
                        GalleryCard.failed("b.txt", request(prompt), reason)));

        Document page = Jsoup.parse(html);
        assertThat(page.select(".prompt")).extracting(Element::wholeText).containsExactly(prompt, prompt);
        assertThat(page.selectFirst(".failure").wholeText()).isEqualTo(reason);
    }

    @Test
    void aCardWrittenOnItsOwnKeepsItsLineBreaksAsThePageDoes() {
        GalleryCard card = GalleryCard.failed("b.txt", request("line one\nline   two"), "refused:\n  first");

        Element parsed = Jsoup.parseBodyFragment(Gallery.cardHtml(card)).body().child(0);

        assertThat(parsed.selectFirst(".prompt").wholeText()).isEqualTo("line one\nline   two");
        assertThat(parsed.selectFirst(".failure").wholeText()).isEqualTo("refused:\n  first");
        assertThat(parsed.outerHtml())
                .isEqualTo(Jsoup.parse(Gallery.html("Run", List.of(card)))
                        .selectFirst("article.card")
                        .outerHtml());
    }

    @Test
    void theShippedStylesReachThePageAsWritten() throws Exception {
        String css;
        try (InputStream in = Gallery.class.getResourceAsStream("gallery.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        String html = Gallery.html("Run", List.of());

        assertThat(html).contains("<style>" + css + "</style>");
        assertThat(Jsoup.parse(html).selectFirst("style").data()).isEqualTo(css);
    }

    @Test
    void aStyleBlockKeepsChildSelectorsAndAmpersandsAsWritten() {
        String css = ".parameters > dt { content: \"a & b\"; }";
        Document page = Document.createShell("");
        page.head().appendChild(Gallery.style(css));

        assertThat(page.outerHtml()).contains("<style>" + css + "</style>");
        assertThat(Jsoup.parse(page.outerHtml()).selectFirst("style").data()).isEqualTo(css);
    }

    @Test
    void imageAndFrameUrlsShowWithoutTheirQueryOrUserInfo() {
        String presigned = "http://127.0.0.1:1234/bucket/demo/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIDEXAMPLE%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=abc123";
        VideoGenerationRequest request = VideoGenerationRequest.builder()
                .model("m")
                .prompt("a")
                .imageUrl(presigned)
                .firstFrame("https://user:secret@127.0.0.1/first.png?token=t0k3n#frag")
                .lastFrame("http://[::1]:8080/last.png#part")
                .build();

        String html = Gallery.html("Run", List.of(GalleryCard.video("a.png", request, "./a.mp4")));

        Element card = Jsoup.parse(html).selectFirst("article.card");
        assertThat(card.select(".parameters dd").eachText())
                .containsSubsequence(
                        "http://127.0.0.1:1234/bucket/demo/a.png",
                        "https://127.0.0.1/first.png",
                        "http://[::1]:8080/last.png");
        assertThat(html)
                .doesNotContain("X-Amz")
                .doesNotContain("abc123")
                .doesNotContain("secret")
                .doesNotContain("t0k3n");
    }

    @Test
    void aShownUrlKeepsWhatIsNotAQueryOrUserInfo() {
        assertThat(Gallery.shownUrl("http://127.0.0.1:9/a%20b.png")).isEqualTo("http://127.0.0.1:9/a%20b.png");
        assertThat(Gallery.shownUrl("http://u@127.0.0.1?x=1")).isEqualTo("http://127.0.0.1");
        assertThat(Gallery.shownUrl("http://127.0.0.1/a@b.png?x")).isEqualTo("http://127.0.0.1/a@b.png");
        assertThat(Gallery.shownUrl("asset://abc")).isEqualTo("asset://abc");
        assertThat(Gallery.shownUrl("not a url?q")).isEqualTo("not a url");
        assertThat(Gallery.shownUrl(null)).isNull();
    }

    @Test
    void thePageIsAStandardsModeHtmlDocument() {
        assertThat(Gallery.html("Run", List.of())).startsWith("<!doctype html>");
    }

    @Test
    void theSummaryCountsVideosAndFailures() {
        GalleryCard video = GalleryCard.video("a.txt", request("a"), "./a.mp4");
        GalleryCard failed = GalleryCard.failed("b.txt", null, "no prompt");

        assertThat(Gallery.summary(List.of())).isEqualTo("0 videos, 0 failed");
        assertThat(Gallery.summary(List.of(video, failed))).isEqualTo("1 video, 1 failed");
        assertThat(Gallery.summary(List.of(video, video, failed, failed))).isEqualTo("2 videos, 2 failed");
    }

    @Test
    void textFromRequestsAndErrorsIsEscapedNotMarkup() {
        String html = Gallery.html(
                HOSTILE,
                List.of(
                        GalleryCard.video(HOSTILE, request(HOSTILE), Gallery.href("x.mp4")),
                        GalleryCard.failed("f.txt", request("ok"), HOSTILE)));
        Document page = Jsoup.parse(html);

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("img")).isEmpty();
        assertThat(page.selectFirst(".prompt").text()).isEqualTo(HOSTILE);
        assertThat(page.selectFirst(".failure").text()).isEqualTo(HOSTILE);
        assertThat(page.selectFirst("h1").text()).isEqualTo(HOSTILE);
        assertThat(page.selectFirst("article").attr("data-input")).isEqualTo(HOSTILE);
        assertThat(html).doesNotContain("<script>").doesNotContain("<img");
    }

    @Test
    void thePageLoadsNothingFromTheNetwork() {
        Document page = Jsoup.parse(Gallery.html("Run", List.of(GalleryCard.video("a.txt", request("a"), "./a.mp4"))));

        assertThat(page.select("link, script, img, iframe, [src^=http], [href^=http]"))
                .isEmpty();
        assertThat(page.selectFirst("style").data()).doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void hrefEncodesAFileNameRelativeToThePage() {
        assertThat(Gallery.href("my video #1.mp4")).isEqualTo("./my%20video%20%231.mp4");
        assertThat(Gallery.href("a:b.mp4")).isEqualTo("./a:b.mp4");
        assertThat(Gallery.href("été.mp4")).isEqualTo("./été.mp4");
    }

    @Test
    void aCardHasEitherAVideoOrAFailure() {
        assertThatThrownBy(() -> new GalleryCard("a", null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GalleryCard("a", null, "./a.mp4", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GalleryCard.failed("a", null, " ").failure()).isEqualTo("unknown failure");
    }
}

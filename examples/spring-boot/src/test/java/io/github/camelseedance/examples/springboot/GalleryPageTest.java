package io.github.camelseedance.examples.springboot;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.model.SeedanceModel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The page at {@code /} and the card fragments its script adds, read as HTML over real HTTP, against the emulator. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        useMainMethod = UseMainMethod.ALWAYS,
        properties = "SEEDANCE_API_KEY=")
class GalleryPageTest extends ApplicationOverHttp {

    private static final String HOSTILE =
            "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\"> & \"quotes\"";

    @Test
    void thePageHasAFormWithTheKnownModelsAndTheAllowedValues() throws Exception {
        HttpResponse<String> answer = get("/");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/html;charset=UTF-8");
        assertThat(answer.body()).startsWith("<!doctype html>");
        Document page = Jsoup.parse(answer.body());
        assertThat(page.title()).isEqualTo("Seedance videos");
        Element form = page.selectFirst("form#video-form");
        assertThat(form).isNotNull();
        assertThat(form.hasAttr("novalidate")).isTrue();
        assertThat(form.select("textarea[name=prompt]")).hasSize(1);
        assertThat(options(form, "model")).containsExactlyElementsOf(withDefault(SeedanceModel.ids()));
        assertThat(options(form, "resolution")).containsExactly("", "480p", "720p", "1080p");
        assertThat(options(form, "aspect_ratio")).containsExactly("", "16:9", "9:16", "1:1");
        assertThat(options(form, "seconds")).containsExactly("", "5", "10");
        // the empty choice names the default application.properties sets
        assertThat(form.selectFirst("select[name=resolution] option").text()).isEqualTo("default (720p)");
        Element error = form.selectFirst("#form-error");
        assertThat(error.attr("role")).isEqualTo("alert");
        assertThat(error.hasAttr("hidden")).isTrue();
        assertThat(page.select("main#cards")).hasSize(1);
    }

    @Test
    void thePagesScriptAndStylesAreTheOnlyOnesItsContentSecurityPolicyAllows() throws Exception {
        HttpResponse<String> answer = get("/");

        String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).startsWith("default-src 'none';").doesNotContain("unsafe-inline");
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("script")).hasSize(1);
        assertThat(policy).containsPattern("script-src 'sha256-[A-Za-z0-9+/=]{44}';");
        assertThat(policy).containsPattern("style-src 'sha256-[A-Za-z0-9+/=]{44}' 'sha256-[A-Za-z0-9+/=]{44}';");
    }

    @Test
    void theJobsSoFarAreCardsTheLatestFirstWithEveryTextEscaped() throws Exception {
        String done = submit("{\"prompt\": " + JSON.writeValueAsString(HOSTILE) + ", \"resolution\": \"480p\"}");
        String videoUrl = awaitOutcome("/videos/" + done).get("videoUrl").asText();
        emulator.enqueue(EmulatorResponse.error(402, "Insufficient balance: " + HOSTILE, "billing_error", null, null));
        String failed = submit("{\"prompt\": \"A fox in the snow\"}");
        assertThat(awaitOutcome("/videos/" + failed).get("status").asText()).isEqualTo("failed");

        String html = get("/").body();

        assertThat(html).doesNotContain("<img src=x").doesNotContain("<script>document");
        Document page = Jsoup.parse(html);
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("script")).hasSize(1);
        List<String> order = page.select("main#cards > article.card").eachAttr("data-input");
        assertThat(order.indexOf(failed)).isLessThan(order.indexOf(done)).isNotNegative();

        Element video = card(page, done);
        assertThat(video.hasClass("failed")).isFalse();
        assertThat(video.selectFirst(".prompt").text()).isEqualTo(HOSTILE);
        assertThat(video.selectFirst("video").attr("src")).isEqualTo(videoUrl).startsWith(emulator.baseUrl());
        assertThat(video.selectFirst("video").attr("preload")).isEqualTo("metadata");
        assertThat(video.selectFirst("video").hasAttr("controls")).isTrue();
        // the request as sent, defaults filled in
        assertThat(video.select(".parameters dd").eachText()).contains("480p", "16:9", "5", SeedanceModel.DEFAULT_ID);

        Element refused = card(page, failed);
        assertThat(refused.hasClass("failed")).isTrue();
        assertThat(refused.select("video")).isEmpty();
        assertThat(refused.selectFirst(".failure").text()).contains("Insufficient balance: " + HOSTILE);
    }

    @Test
    void aJobsCardFragmentIsTheSameMarkupAsItsCardInThePage() throws Exception {
        String id = submit("{\"prompt\": \"A paper boat in the rain\", \"aspect_ratio\": \"1:1\"}");
        awaitOutcome("/videos/" + id);

        HttpResponse<String> fragment = get("/videos/" + id + "/card");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/html;charset=UTF-8");
        Element served = Jsoup.parseBodyFragment(fragment.body()).body();
        assertThat(served.children()).hasSize(1);
        assertThat(served.child(0).outerHtml())
                .isEqualTo(card(Jsoup.parse(get("/").body()), id).outerHtml());
        assertThat(get("/videos/no-such-id/card").statusCode()).isEqualTo(404);
    }

    @Test
    void aPromptsLineBreaksAndRunsOfSpacesReachThePageAndTheCardFragmentAsTyped() throws Exception {
        String prompt = "A harbour at dawn,\nthen   the boats leave";
        String id = submit("{\"prompt\": " + JSON.writeValueAsString(prompt) + "}");
        awaitOutcome("/videos/" + id);

        Element inPage = card(Jsoup.parse(get("/").body()), id);
        Element fragment = Jsoup.parseBodyFragment(
                        get("/videos/" + id + "/card").body())
                .body()
                .child(0);

        assertThat(inPage.selectFirst(".prompt").wholeText()).isEqualTo(prompt);
        assertThat(fragment.selectFirst(".prompt").wholeText()).isEqualTo(prompt);
    }

    @Test
    void aPendingJobIsListedAsGeneratingAndHasNoCardUntilItEnds() throws Exception {
        // the provider takes its time; long enough for the two requests below on a loaded machine
        emulator.enqueue(EmulatorResponse.error(402, "Insufficient balance", "billing_error", null, null)
                .withDelay(Duration.ofSeconds(15)));
        String id = submit("{\"prompt\": \"A slow <b>tide</b>\"}");

        Document page = Jsoup.parse(get("/").body());
        HttpResponse<String> early = get("/videos/" + id + "/card");

        Element item = page.selectFirst("#pending li[data-id='" + id + "']");
        assertThat(item).isNotNull();
        assertThat(item.text()).isEqualTo("Generating: A slow <b>tide</b>");
        assertThat(page.select("article.card[data-input='" + id + "']")).isEmpty();
        assertThat(early.statusCode()).isEqualTo(409);

        assertThat(awaitOutcome("/videos/" + id).get("status").asText()).isEqualTo("failed");
        assertThat(get("/videos/" + id + "/card").statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(get("/").body()).select("#pending li[data-id='" + id + "']"))
                .isEmpty();
    }

    private static List<String> options(Element form, String select) {
        return form.select("select[name=" + select + "] option").eachAttr("value");
    }

    private static List<String> withDefault(List<String> values) {
        return Stream.concat(Stream.of(""), values.stream()).toList();
    }

    private static Element card(Document page, String id) {
        Element card = page.selectFirst("main#cards > article.card[data-input='" + id + "']");
        assertThat(card).as("the card of %s", id).isNotNull();
        return card;
    }

    private String submit(String json) throws IOException, InterruptedException {
        HttpResponse<String> accepted = post(json);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("id").asText();
    }
}

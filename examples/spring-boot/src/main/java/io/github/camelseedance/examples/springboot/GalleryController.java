package io.github.camelseedance.examples.springboot;

import java.nio.charset.StandardCharsets;

import io.github.camelseedance.examples.gallery.Gallery;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} serves the page to try the API in a browser; {@code GET /videos/{id}/card} a finished job's card, so the
 * page's script adds cards in the same markup as the server renders them (409 while the job is pending).
 */
@RestController
public class GalleryController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final GalleryPage page;
    private final VideoJobs jobs;

    public GalleryController(GalleryPage page, VideoJobs jobs) {
        this.page = page;
        this.jobs = jobs;
    }

    @GetMapping("/")
    public ResponseEntity<String> page() {
        GalleryPage.Html html = page.page();
        return ResponseEntity.ok()
                .contentType(HTML)
                .header("Content-Security-Policy", html.contentSecurityPolicy())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(html.html());
    }

    @GetMapping("/videos/{id}/card")
    public ResponseEntity<String> card(@PathVariable String id) {
        VideoJobs.Submission submission = jobs.submission(id);
        if (submission == null) {
            return ResponseEntity.notFound().build();
        }
        return page.card(submission)
                .map(card -> ResponseEntity.ok().contentType(HTML).body(Gallery.cardHtml(card)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).build());
    }
}

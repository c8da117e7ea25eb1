package io.github.camelseedance.examples.springboot;

import java.net.URI;

import io.github.camelseedance.InvalidVideoRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /videos} takes a request in the API's JSON shape and answers 202 with the job and its Location at once,
 * since a video takes minutes; {@code GET /videos/{id}} answers its status. A bad request answers 400 naming the field.
 */
@RestController
@RequestMapping("/videos")
public class VideoController {

    private final VideoJobs jobs;

    public VideoController(VideoJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<VideoJob> submit(@RequestBody(required = false) String json) {
        VideoJob job = jobs.submit(json);
        return ResponseEntity.accepted()
                .location(URI.create("/videos/" + job.id()))
                .body(job);
    }

    @GetMapping("/{id}")
    public ResponseEntity<VideoJob> status(@PathVariable String id) {
        VideoJob job = jobs.find(id);
        return job == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(job);
    }

    /** RFC 9457 problem details, with the JSON field at fault in {@code field}. */
    @ExceptionHandler(InvalidVideoRequestException.class)
    public ProblemDetail invalid(InvalidVideoRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid video request");
        problem.setProperty("field", e.getField());
        return problem;
    }

    @ExceptionHandler(VideoJobs.NotStartedException.class)
    public ProblemDetail notStarted(VideoJobs.NotStartedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
}

package io.github.camelseedance.examples.filedrop;

import java.nio.file.Path;

import io.github.camelseedance.SeedanceConstants;
import io.github.camelseedance.SeedanceDownloadException;
import io.github.camelseedance.SeedanceEndpoint;
import io.github.camelseedance.SeedanceStoppedException;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;

/**
 * Every {@code *.txt} or {@code *.json} dropped into the input folder becomes {@code <name>.mp4} in the output folder;
 * the input then moves to {@code .done}, or to {@code .error} when it could not be turned into a video. An input whose
 * generation was cut short by a shutdown stays where it is, to be picked up again on the next run. A video paid for
 * but not written is downloaded, not generated, the next time its request comes.
 */
public class FileDropRoutes extends RouteBuilder {

    static final String ROUTE_ID = "file-drop";
    static final String DONE_DIR = ".done";
    static final String ERROR_DIR = ".error";
    /** The prefix of a video still being written; it is renamed to {@code <name>.mp4} once complete. */
    static final String TEMP_PREFIX = ".part-";
    /** Where the file consumer moves the input on commit: {@value #DONE_DIR} or {@value #ERROR_DIR}. */
    static final String MOVE_TO = "FileDropMoveTo";

    static final String VIDEO_NAME = "FileDropVideoName";
    private static final String REASON = "FileDropFailureReason";
    /** Where the video came from, for the last log line: the model that made it, or its kept URL. */
    private static final String MADE_BY = "FileDropMadeBy";

    /** One endpoint for the generations and the fingerprints of their requests. */
    static final String GENERATE_URI = "seedance:generate?download=true&maxConcurrentRequests={{filedrop.concurrency}}";
    /** Downloads alike: the download options (attempts, size, timeout) are the component's, shared by both. */
    static final String DOWNLOAD_URI = "seedance:download";

    @Override
    public void configure() {
        Path outputDir = Path.of(getContext().resolvePropertyPlaceholders("{{filedrop.output-dir}}"));
        PaidVideos paid = new PaidVideos(Path.of(getContext().resolvePropertyPlaceholders("{{filedrop.input-dir}}")));
        PaidVideoLookup lookup = new PaidVideoLookup(
                paid,
                message -> getContext()
                        .getEndpoint(GENERATE_URI, SeedanceEndpoint.class)
                        .requestFingerprint(message));
        PaidVideoKeeper keeper = new PaidVideoKeeper(paid);
        FileDropGallery gallery = new FileDropGallery(outputDir);

        // A real failure (an invalid request, an API error, a broken download) is handled: the exchange then counts as
        // done for the file consumer, which moves the input where MOVE_TO says, and one line says why. A video paid
        // for but not written has its URL kept first, and the line says so.
        onException(Exception.class)
                .handled(true)
                .setProperty(MOVE_TO, constant(ERROR_DIR))
                .process(exchange -> {
                    Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    String kept = keeper.keep(exchange, failure);
                    exchange.setProperty(REASON, oneLine(failure) + (kept.isEmpty() ? "" : "; " + kept));
                    gallery.failed(exchange, exchange.getProperty(REASON, String.class));
                })
                .log(
                        LoggingLevel.ERROR,
                        FileDropRoutes.class.getName(),
                        "${header.CamelFileName} failed, moved to " + ERROR_DIR + ": ${exchangeProperty." + REASON
                                + "}");

        // A stop is no verdict on the input: left unhandled, the exchange fails, the consumer rolls back and the input
        // stays in the folder. Once graceful shutdown has timed out Camel runs no error handler at all, which ends the
        // same way; InputLeftovers reports it either way, and PaidVideoKeeper keeps the URL of a video paid for.
        onException(SeedanceStoppedException.class).handled(false).logExhausted(false);

        // dot-files are skipped, so .done and .error are left alone; readLock=changed waits for files still being
        // written, and readLockMinLength=0 lets an empty file through to be rejected rather than retried forever.
        // No moveFailed: a failed exchange is one to retry on the next run, so its input stays put.
        from("file:{{filedrop.input-dir}}?antInclude=*.txt,*.json&antFilterCaseSensitive=false&charset=UTF-8"
                        + "&move=${file:parent}/${exchangeProperty." + MOVE_TO + "}/${file:onlyname}"
                        + "&readLock=changed&readLockCheckInterval=500&readLockMinAge=1s&readLockMinLength=0"
                        + "&delay={{filedrop.poll-delay}}")
                .routeId(ROUTE_ID)
                .setProperty(FileDropGallery.INPUT_NAME, simple("${file:onlyname}"))
                .setProperty(MOVE_TO, constant(DONE_DIR))
                .setProperty(VIDEO_NAME, simple("${file:name.noext.single}.mp4"))
                // before InputLeftovers: a refused input must not tidy up the partial video of the one holding the name
                .process(new VideoNames(outputDir))
                .process(new InputLeftovers(outputDir, TEMP_PREFIX))
                // a .txt file goes to the component as it is: it reads the prompt in the endpoint's charset, refuses
                // bytes that are not UTF-8 rather than sending them as replacement characters, and strips it
                .choice()
                .when(simple("${file:ext} =~ 'json'"))
                .unmarshal(new JacksonDataFormat(VideoGenerationRequest.class))
                .end()
                // the request as it will be sent, for the gallery; invalid input fails here, naming the field
                .process(exchange -> exchange.setProperty(
                        FileDropGallery.REQUEST,
                        getContext()
                                .getEndpoint(GENERATE_URI, SeedanceEndpoint.class)
                                .request(exchange.getMessage())))
                .process(lookup)
                .process(keeper)
                // a video paid for earlier is downloaded from its kept URL; one whose URL has expired is generated
                .choice()
                .when(exchangeProperty(PaidVideoLookup.KEPT_URL).isNotNull())
                .log("Downloading the video already paid for ${header.CamelFileName}, instead of generating it again")
                .doTry()
                .to(DOWNLOAD_URI)
                .setProperty(MADE_BY, constant("downloaded from its kept URL"))
                .doCatch(SeedanceDownloadException.class)
                .onWhen(PaidVideoLookup::expired)
                .process(lookup::generateAnew)
                // other failures of the kept URL go on to the error handler, which keeps the record
                .end() // the try
                .end() // the choice
                .filter(exchangeProperty(PaidVideoLookup.KEPT_URL).isNull())
                .log("Generating a video for ${header.CamelFileName}")
                // the component's own limit rather than a throttle: an exchange waiting for its turn there ends with
                // SeedanceStoppedException on shutdown, so its input too stays for the next run
                .to(GENERATE_URI)
                .setProperty(MADE_BY, header(SeedanceConstants.REQUESTED_MODEL))
                .end()
                // written under a dot-name first, so no partial video is ever visible as <name>.mp4; tempFileName
                // rather than tempPrefix, which would name the temp file after the input (.part-<name>.txt)
                .to("file:{{filedrop.output-dir}}?fileName=${exchangeProperty." + VIDEO_NAME + "}" + "&tempFileName="
                        + TEMP_PREFIX + "${exchangeProperty." + VIDEO_NAME + "}")
                .process(gallery::videoWritten)
                .log("${header.CamelFileName} -> ${exchangeProperty." + VIDEO_NAME + "} (${exchangeProperty." + MADE_BY
                        + "})");
    }

    // parser messages span lines (Jackson appends the location on a second one); a log line should not
    static String oneLine(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String text = describe(failure);
        // a wrapper's message can hide what went wrong ("Cannot store file: ..." for a broken download): add the
        // root cause's, unless it already says it
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = describe(root);
        if (root != failure && !text.contains(reason)) {
            text = text + " (" + reason + ")";
        }
        return text;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

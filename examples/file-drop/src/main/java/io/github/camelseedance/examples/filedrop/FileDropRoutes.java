package io.github.camelseedance.examples.filedrop;

import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;

/**
 * Every {@code *.txt} or {@code *.json} dropped into the input folder becomes {@code <name>.mp4} in the output folder;
 * the input then moves to {@code .done}, or to {@code .error} when it could not be turned into a video.
 */
public class FileDropRoutes extends RouteBuilder {

    static final String ROUTE_ID = "file-drop";
    private static final String REASON = "FileDropFailureReason";

    @Override
    public void configure() {
        // one line naming the file and the reason; handled(false) keeps the exchange failed so moveFailed applies
        onException(Exception.class)
                .handled(false)
                .logExhausted(false)
                .process(exchange -> exchange.setProperty(REASON,
                        oneLine(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))))
                .log(LoggingLevel.ERROR, FileDropRoutes.class.getName(),
                        "${header.CamelFileName} failed, moved to .error: ${exchangeProperty." + REASON + "}");

        // dot-files are skipped, so .done and .error are left alone; readLock=changed waits for files still being
        // written, and readLockMinLength=0 lets an empty file through to be rejected rather than retried forever
        from("file:{{filedrop.input-dir}}?antInclude=*.txt,*.json&antFilterCaseSensitive=false&charset=UTF-8"
             + "&move=.done&moveFailed=.error&readLock=changed&readLockCheckInterval=500&readLockMinAge=1s"
             + "&readLockMinLength=0&delay={{filedrop.poll-delay}}")
                .routeId(ROUTE_ID)
                // the producer is asynchronous, so without this every file in a poll would be generating at once
                .throttle().constant("{{filedrop.concurrency}}").concurrentRequestsMode()
                .log("Generating a video for ${header.CamelFileName}")
                .choice()
                    .when(simple("${file:ext} =~ 'json'"))
                        .unmarshal(new JacksonDataFormat(VideoGenerationRequest.class))
                    .otherwise()
                        .process(exchange -> exchange.getMessage().setBody(
                                exchange.getMessage().getBody(String.class).strip()))
                .end()
                .to("seedance:generate?download=true")
                // written under a dot-name first, so no partial video is ever visible as <name>.mp4
                .to("file:{{filedrop.output-dir}}?fileName=${file:name.noext.single}.mp4&tempPrefix=.part-")
                .log("${header.CamelFileName} -> ${file:name.noext.single}.mp4 (${header.CamelSeedanceModelUsed})");
    }

    // parser messages span lines (Jackson appends the location on a second one); a log line should not
    static String oneLine(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

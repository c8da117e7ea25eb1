package io.github.camelseedance.examples.jmsqueue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.camelseedance.SeedanceConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Each result's video fetched with {@code seedance:download} (a download only, never a generation) into the demo's
 * output folder, under its request id.
 */
final class ResultDownloads {

    static final String DOWNLOAD_URI = "seedance:download";

    /** The file each request id's video was written to, and why each download that failed did. */
    record Downloaded(Map<String, String> files, Map<String, String> failures) {}

    private ResultDownloads() {}

    /** Call while the video host (the emulator) still runs: the URLs die with it. */
    static Downloaded download(CamelContext context, Path folder, AnswerTally tally) throws IOException {
        Files.createDirectories(folder);
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            for (String id : tally.requestIds()) {
                Optional<ResultMessage> result = tally.result(id);
                if (result.isEmpty()) {
                    continue;
                }
                String name = fileName(id, taken);
                try {
                    download(template, result.get().videoUrl(), folder.resolve(name));
                    files.put(id, name);
                } catch (Exception e) {
                    failures.put(id, Texts.oneLine(e));
                }
            }
        }
        return new Downloaded(files, failures);
    }

    /**
     * The file a request id's video is written to: the id with every character but letters, digits, {@code . _ -}
     * replaced (ids are free text), never a dot-name, and numbered when two ids would share a name on any file system.
     */
    static String fileName(String requestId, Set<String> taken) {
        String base = requestId.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_");
        String name = base + ".mp4";
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "-" + n + ".mp4";
        }
        return name;
    }

    // written under a dot-name first, so that a download cut short never leaves a file that looks whole
    private static void download(ProducerTemplate template, String url, Path target) throws Exception {
        Exchange exchange =
                template.request(DOWNLOAD_URI, e -> e.getMessage().setHeader(SeedanceConstants.VIDEO_URL, url));
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            try (InputStream video = exchange.getMessage().getMandatoryBody(InputStream.class)) {
                Files.copy(video, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}

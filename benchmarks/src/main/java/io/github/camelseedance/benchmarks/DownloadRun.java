package io.github.camelseedance.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelseedance.SeedanceConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One run of the download scenario in a JVM with the capped heap: {@code seedance:generate?download=true -> file:} once
 * unmeasured (the copy loops compiled), then measured. The heap is read after a collection before, between and after
 * the two: what the second leaves over the first is what a download keeps.
 */
public final class DownloadRun {

    private DownloadRun() {}

    /** args: emulator URL, the file to write. */
    public static void main(String[] args) {
        Jvm.child(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        String baseUrl = args[0];
        Path target = Path.of(args[1]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("seedance", RouteClient.component(baseUrl));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:download")
                            .to("seedance:generate?download=true")
                            .to("file:" + target.getParent() + "?fileName=" + target.getFileName());
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            memory.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            HeapSampler sampler = new HeapSampler(memory);
            sampler.start();
            download(template);
            Files.delete(target);
            memory.gc();
            long between = memory.getHeapMemoryUsage().getUsed();
            long start = System.nanoTime();
            Exchange measured = download(template);
            double seconds = (System.nanoTime() - start) / 1e9;
            long max = sampler.stopAndGetMax();
            memory.gc();
            long after = memory.getHeapMemoryUsage().getUsed();
            Jvm.report("seconds", seconds);
            Jvm.report("heapBeforeMiB", mib(before));
            Jvm.report("maxHeapMiB", mib(max));
            Jvm.report("heapBetweenMiB", mib(between));
            Jvm.report("heapAfterMiB", mib(after));
            Jvm.report("url", measured.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class));
        }
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static Exchange download(ProducerTemplate template) throws Exception {
        Exchange done = template.send(
                "direct:download", exchange -> exchange.getMessage().setBody(RouteClient.PROMPT));
        if (done.getException() != null) {
            throw done.getException();
        }
        return done;
    }
}

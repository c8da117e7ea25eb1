package io.github.camelseedance;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Everything logged, at the given level and above, while it is open: by the component, the HTTP client, anything. */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previousRoot = root.getLevel();
    private final Logger component = (Logger) LoggerFactory.getLogger("io.github.camelseedance");
    private final Level previousComponent = component.getLevel();
    private final Logger httpClient = (Logger) LoggerFactory.getLogger("org.apache.hc");
    private final Level previousHttpClient = httpClient.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture(Level level) {
        appender.start();
        root.addAppender(appender);
        root.setLevel(level);
        component.setLevel(level);
        httpClient.setLevel(level);
    }

    /** Each event as it would read in a log file: the formatted message, then any exception and its causes. */
    List<String> lines() {
        List<ILoggingEvent> events;
        // the appender adds under its own lock, from whichever thread logs (the HTTP client's I/O threads among them)
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        return events.stream().map(LogCapture::render).toList();
    }

    private static String render(ILoggingEvent event) {
        StringBuilder line =
                new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return line.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(previousRoot);
        component.setLevel(previousComponent);
        httpClient.setLevel(previousHttpClient);
        appender.stop();
    }
}

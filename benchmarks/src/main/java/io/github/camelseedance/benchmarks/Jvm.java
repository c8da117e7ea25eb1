package io.github.camelseedance.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Child JVMs on this JVM's own classpath. Scenarios that count threads or cap the heap run their client in a JVM of
 * its own, so the emulator's threads and the harness's leftovers never mix into the figure. A child reports its
 * figures as lines "@name value" on its output; every other line is echoed, indented.
 */
final class Jvm {

    private static final String FIGURE = "@";
    /** Children log as the harness does; a later {@code -Dlogback.configurationFile} in their options wins. */
    private static final String HARNESS_LOGGING = "-Dlogback.configurationFile=logback-benchmarks.xml";

    private Jvm() {}

    static Process start(List<String> jvmOptions, String mainClass, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(HARNESS_LOGGING);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs a child to its end and returns the figures it reported. */
    static Figures run(List<String> jvmOptions, Class<?> mainClass, String... args) throws Exception {
        Process process = start(jvmOptions, mainClass.getName(), Map.of(), args);
        Map<String, String> figures = new HashMap<>();
        try (BufferedReader out = reader(process)) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(FIGURE)) {
                    int space = line.indexOf(' ');
                    figures.put(line.substring(1, space), line.substring(space + 1));
                } else {
                    System.out.println("    | " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || figures.isEmpty()) {
            throw new IllegalStateException(mainClass.getSimpleName() + " exited with " + exit
                    + (figures.isEmpty() ? " and reported nothing" : ""));
        }
        return new Figures(figures);
    }

    /**
     * In a child: runs its main body and ends the JVM, with status 1 and the stack trace if the body failed. The JVM is
     * ended rather than left to wind down, so neither a client's non-daemon threads nor an exchange that never got
     * its answer can keep it, and the parent waiting on it, alive.
     */
    static void child(Body body) {
        int status = 0;
        try {
            body.run();
        } catch (Throwable failure) {
            failure.printStackTrace(System.out);
            status = 1;
        }
        System.exit(status);
    }

    interface Body {
        void run() throws Exception;
    }

    /** In a child: reports one figure to the parent. */
    static void report(String name, Object value) {
        System.out.println(FIGURE + name + " " + String.valueOf(value).replace('\n', ' '));
    }

    static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** What a child reported, by name. */
    record Figures(Map<String, String> values) {
        double number(String name) {
            return Double.parseDouble(text(name));
        }

        String text(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalStateException("The child reported no " + name);
            }
            return value;
        }
    }
}

package io.github.camelseedance.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Child JVMs on this JVM's own classpath. Scenarios that count threads or cap the heap run their client in a JVM of
 * its own, so the emulator's threads and the harness's leftovers never mix into the figure.
 */
final class Jvm {

    private Jvm() {
    }

    static Process start(List<String> jvmOptions, String mainClass, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs a child to its end and returns the value of its last "RESULT " line; other lines are echoed. */
    static String result(List<String> jvmOptions, Class<?> mainClass, String... args) throws Exception {
        Process process = start(jvmOptions, mainClass.getName(), Map.of(), args);
        String result = null;
        try (BufferedReader out = reader(process)) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                } else {
                    System.out.println("    | " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException(mainClass.getSimpleName() + " exited with " + exit + " and no result");
        }
        return result;
    }

    static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}

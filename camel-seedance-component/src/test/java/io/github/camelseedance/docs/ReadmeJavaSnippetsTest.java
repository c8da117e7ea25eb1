package io.github.camelseedance.docs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every ```java block of the README compiles against the test classpath, as a reader would paste it: a complete class
 * as it is, a route fragment inside {@code configure()} of a {@code RouteBuilder}, with the imports the block shows.
 */
class ReadmeJavaSnippetsTest {

    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "^(?:public\\s+|final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)", Pattern.MULTILINE);

    @TempDir
    static Path classes;

    private static List<Source> sources;
    private static List<String> errors;

    @BeforeAll
    static void compileEverySnippet() throws Exception {
        List<DocSnippet> snippets = DocSnippet.markdown(DocSnippet.README, "java");
        sources = snippets.stream().map(Source::of).toList();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of(
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "--release",
                "17",
                "-proc:none");
        javac.getTask(null, null, diagnostics, options, null, sources).call();
        errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                Source source = (Source) d.getSource();
                errors.add(source.where((int) d.getLineNumber()) + ": " + d.getMessage(Locale.ROOT));
            }
        }
    }

    @Test
    void everyJavaSnippetOfTheReadmeCompiles() {
        assertThat(errors).as("compilation errors, by README line").isEmpty();
        assertThat(sources)
                .as("the README's Java blocks: the route, the request builder, the route test, the emulator")
                .hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theEmulatorExampleGeneratesOneVideoThenFreesThePort() throws Exception {
        Source example = sources.stream()
                .filter(s -> s.code.contains("SeedanceEmulator.builder()") && s.code.contains("static void main"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no README example runs the emulator from a main method"));
        assertThat(errors).isEmpty();

        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(example.className).getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(out);
        }

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("Video at http://127.0.0.1:").contains("1 generation(s), 0 contract violation(s)");
        // close() at the end of the example freed the emulator's port
        URI video =
                URI.create(output.substring(output.indexOf("http://")).strip().split("\\s")[0]);
        assertThatThrownBy(() -> new Socket(video.getHost(), video.getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    /** One snippet as a compilation unit, and which README line each of its lines came from (0: the template's). */
    private static final class Source extends SimpleJavaFileObject {

        private final DocSnippet snippet;
        private final String className;
        private final String code;
        private final List<Integer> readmeLines;

        private Source(DocSnippet snippet, String className, String code, List<Integer> readmeLines) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.snippet = snippet;
            this.className = className;
            this.code = code;
            this.readmeLines = readmeLines;
        }

        static Source of(DocSnippet snippet) {
            String pkg = "readme.line" + snippet.line();
            String name;
            List<String> lines = new ArrayList<>();
            List<Integer> origins = new ArrayList<>();
            add(lines, origins, "package " + pkg + ";", 0);
            Matcher type = TYPE_DECLARATION.matcher(snippet.text());
            int i = 0;
            List<String> code = snippet.lines();
            if (type.find()) {
                // a complete class, its imports included
                for (; i < code.size(); i++) {
                    add(lines, origins, code.get(i), snippet.line() + i);
                }
                name = type.group(1);
            } else {
                // a fragment of a route: its imports go above the class, the rest inside configure()
                for (; i < code.size() && (code.get(i).isBlank() || code.get(i).startsWith("import ")); i++) {
                    add(lines, origins, code.get(i), snippet.line() + i);
                }
                add(lines, origins, "import org.apache.camel.builder.RouteBuilder;", 0);
                add(lines, origins, "class Snippet extends RouteBuilder {", 0);
                add(lines, origins, "@Override public void configure() throws Exception {", 0);
                for (; i < code.size(); i++) {
                    add(lines, origins, code.get(i), snippet.line() + i);
                }
                add(lines, origins, "}}", 0);
                name = "Snippet";
            }
            return new Source(snippet, pkg + "." + name, String.join("\n", lines) + "\n", origins);
        }

        private static void add(List<String> lines, List<Integer> origins, String line, int origin) {
            lines.add(line);
            origins.add(origin);
        }

        String where(int line) {
            int origin = line >= 1 && line <= readmeLines.size() ? readmeLines.get(line - 1) : 0;
            return origin > 0
                    ? "README.md line " + origin
                    : "the class around the README block at line " + snippet.line() + " (a declaration it lacks?)";
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}

package io.github.camelseedance.client;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A value written into a log line or an exception message cannot start a line of its own. */
class TextsTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("a\rb", "a\\rb"),
                Arguments.of("a\nb", "a\\nb"),
                Arguments.of("a\r\nb", "a\\r\\nb"),
                Arguments.of("a" + (char) 0x0B + "b", "a\\u000bb"),
                Arguments.of("a\fb", "a\\u000cb"),
                Arguments.of("a" + (char) 0x85 + "b", "a\\u0085b"),
                Arguments.of("a" + (char) 0x2028 + "b", "a\\u2028b"),
                Arguments.of("a" + (char) 0x2029 + "b", "a\\u2029b"),
                Arguments.of("tab\tand a backslash n: \\n", "tab\tand a backslash n: \\n"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void lineBreaksAreEscapedAndEverythingElseIsLeftAsItIs(String text, String expected) {
        assertThat(Texts.oneLine(text)).isEqualTo(expected).doesNotContainPattern("\\R");
    }
}

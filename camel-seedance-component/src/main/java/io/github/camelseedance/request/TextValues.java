package io.github.camelseedance.request;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.github.camelseedance.InvalidVideoRequestException;

/**
 * Text as the provider will get it: a String (any CharSequence) or bytes decoded exactly, and valid Unicode. A byte
 * that does not decode or half a surrogate pair is refused, naming the field, rather than replaced by something else.
 */
final class TextValues {

    private TextValues() {}

    /** Whether a value from a layer is text: a CharSequence, or bytes in UTF-8. */
    static boolean isText(Object raw) {
        return raw instanceof CharSequence || raw instanceof byte[];
    }

    /** The text of a CharSequence or of UTF-8 bytes, checked to be valid Unicode. */
    static String read(RequestField field, Object raw, ValueSource source) {
        String text = raw instanceof byte[] bytes
                ? decode(bytes, bytes.length, StandardCharsets.UTF_8, field, source, "send a String, or UTF-8 bytes")
                : raw.toString();
        requireUnicode(text, field, source);
        return text;
    }

    /** The first {@code length} bytes decoded in {@code charset}, refused at the first byte that does not decode. */
    static String decode(
            byte[] bytes, int length, Charset charset, RequestField field, ValueSource source, String remedy) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 16);
        CoderResult result = decoder.decode(in, out, true);
        while (result.isOverflow()) {
            out = grown(out);
            result = decoder.decode(in, out, true);
        }
        if (result.isUnderflow()) {
            result = decoder.flush(out);
            while (result.isOverflow()) {
                out = grown(out);
                result = decoder.flush(out);
            }
        }
        if (result.isError()) {
            throw new InvalidVideoRequestException(
                    field.optionName(),
                    "Invalid " + field.optionName() + " from " + source + ": the bytes are not valid " + charset.name()
                            + " (at byte offset " + in.position() + "); " + remedy);
        }
        return out.flip().toString();
    }

    private static CharBuffer grown(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
        return bigger.put(out.flip());
    }

    /** Refuses half a surrogate pair: JSON on the wire is UTF-8, which cannot carry one. */
    static void requireUnicode(String text, RequestField field, ValueSource source) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidVideoRequestException(
                        field.optionName(),
                        "Invalid " + field.optionName() + " from " + source + ": an unpaired surrogate "
                                + String.format("\\u%04x", (int) c) + " at offset " + i
                                + " (half of a character cut in two); send text that is valid Unicode");
            }
        }
    }

    /** The length in characters as a reader counts them: Unicode code points, not UTF-16 units. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}

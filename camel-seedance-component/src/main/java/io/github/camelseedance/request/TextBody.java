package io.github.camelseedance.request;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import io.github.camelseedance.InvalidVideoRequestException;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.StreamCache;
import org.apache.camel.TypeConverter;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.ExchangeHelper;

/**
 * Reads a text body (a String, bytes, a stream, a reader or a file) as the prompt. Bytes are decoded exactly, in UTF-8
 * unless the exchange names another charset, and no more is read than the longest prompt allowed could take.
 */
final class TextBody {

    /** The most bytes one character takes (in UTF-8, UTF-16 or UTF-32): past that, a prompt is surely too long. */
    private static final int MAX_BYTES_PER_CHARACTER = 4;
    /** The most UTF-16 units one character takes. */
    private static final int MAX_UNITS_PER_CHARACTER = 2;

    private static final ValueSource SOURCE = ValueSource.body(null);

    private TextBody() {}

    static boolean isText(Object body) {
        return body instanceof CharSequence
                || body instanceof byte[]
                || body instanceof InputStream
                || body instanceof Reader
                || body instanceof WrappedFile<?>;
    }

    /** The prompt the body gives, without the white space around it; null when it is blank. */
    static String prompt(Message message, TypeConverter converter, int maxPromptLength) {
        String text = read(message, converter, maxPromptLength);
        TextValues.requireUnicode(text, RequestField.PROMPT, SOURCE);
        // a byte order mark is how some editors start a file, not part of the prompt
        String prompt = (text.startsWith("\uFEFF") ? text.substring(1) : text).strip();
        return prompt.isEmpty() ? null : prompt;
    }

    private static String read(Message message, TypeConverter converter, int maxPromptLength) {
        Object body = message.getBody();
        Object content = body instanceof WrappedFile<?> file ? content(file) : body;
        if (content instanceof CharSequence text) {
            return text.toString();
        }
        if (content instanceof byte[] bytes) {
            return decode(message, bytes, bytes.length, maxPromptLength);
        }
        try {
            if (content instanceof Reader reader) {
                return readChars(reader, maxPromptLength);
            }
            if (content instanceof InputStream stream) {
                return readBytes(message, stream, maxPromptLength);
            }
            try (InputStream stream = content instanceof File file
                    ? Files.newInputStream(file.toPath())
                    : converter.mandatoryConvertTo(InputStream.class, message.getExchange(), content)) {
                return readBytes(message, stream, maxPromptLength);
            }
        } catch (IOException | NoTypeConversionAvailableException e) {
            throw new RuntimeCamelException("The message body could not be read as the prompt: " + e.getMessage(), e);
        } finally {
            // a cached stream stays readable for the steps after a refusal (a dead-letter channel, say)
            if (body instanceof StreamCache cache) {
                cache.reset();
            }
        }
    }

    /**
     * The file's own bytes: Camel's conversion of a file read with a charset decodes it and encodes it again in the
     * JVM's charset, which would then be decoded in the wrong one, and fails on a bad byte without saying where.
     */
    private static Object content(WrappedFile<?> file) {
        Object content = file.getFile() instanceof File local ? local : file.getBody();
        return content != null ? content : file;
    }

    /** Reads one byte more than a prompt of the most characters could take, so a longer body is not read whole. */
    private static String readBytes(Message message, InputStream stream, int maxPromptLength) throws IOException {
        byte[] bytes = stream.readNBytes(maxPromptLength * MAX_BYTES_PER_CHARACTER + 1);
        return decode(message, bytes, bytes.length, maxPromptLength);
    }

    private static String readChars(Reader reader, int maxPromptLength) throws IOException {
        int limit = maxPromptLength * MAX_UNITS_PER_CHARACTER;
        char[] chars = new char[limit + 1];
        int read = 0;
        for (int n; read < chars.length && (n = reader.read(chars, read, chars.length - read)) >= 0; ) {
            read += n;
        }
        if (read > limit) {
            throw tooLong(limit + " UTF-16 units", maxPromptLength);
        }
        return new String(chars, 0, read);
    }

    private static String decode(Message message, byte[] bytes, int length, int maxPromptLength) {
        if (length > maxPromptLength * MAX_BYTES_PER_CHARACTER) {
            throw tooLong(maxPromptLength * MAX_BYTES_PER_CHARACTER + " bytes", maxPromptLength);
        }
        return TextValues.decode(
                bytes,
                length,
                charset(message),
                RequestField.PROMPT,
                SOURCE,
                "send text encoded in UTF-8, or name its charset in the exchange property CamelCharsetName");
    }

    /** Camel's own rule: the charset the exchange names (the file component sets it from its charset option). */
    private static Charset charset(Message message) {
        String name = ExchangeHelper.getCharsetName(message.getExchange(), false);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidVideoRequestException(
                    RequestField.PROMPT.optionName(),
                    "Invalid prompt from " + SOURCE + ": the exchange names the charset '" + name
                            + "', which this JVM does not know; name a charset such as UTF-8 in CamelCharsetName");
        }
    }

    private static InvalidVideoRequestException tooLong(String read, int maxPromptLength) {
        return new InvalidVideoRequestException(
                RequestField.PROMPT.optionName(),
                "Invalid prompt from " + SOURCE + ": more than " + read + ", longer than maxPromptLength "
                        + maxPromptLength + " characters allows; shorten it, or raise maxPromptLength");
    }
}

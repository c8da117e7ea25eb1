package io.github.camelseedance.emulator;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws one frame with Java2D, headless: the card that shows the request (prompt wrapped, model, seed, size and
 * length, a notice when an image is missing, a running clock), or a given image scaled to fit on black.
 */
final class FramePainter {

    // logical fonts, so the frames draw on any JDK; the machine's fonts decide the glyphs
    private static final String FONT = Font.SANS_SERIF;
    private static final Color TEXT = Color.WHITE;
    private static final Color SOFT_TEXT = new Color(0xD8, 0xDC, 0xE6);
    private static final Color NOTICE_BACKGROUND = new Color(0x7A, 0x1F, 0x1F);
    private static final int MAX_PROMPT_LINES = 8;
    private static final String SEPARATOR = "  \u00b7  ";

    private final VideoSpec spec;
    private final FrameSize size;
    private final Color background;

    FramePainter(VideoSpec spec) {
        this.spec = spec;
        this.size = spec.size();
        this.background = background(spec);
    }

    /** The card for second {@code second} of the video, with {@code notice} (may be null) above the details. */
    BufferedImage card(int second, String notice) {
        BufferedImage frame = blank(background);
        Graphics2D g = graphics(frame);
        try {
            int unit = Math.min(size.width(), size.height());
            int margin = unit / 16;
            int textWidth = size.width() - 2 * margin;

            // from the bottom up: the clock, the details, the notice; the prompt gets the room left above them
            Font clockFont = font(Font.BOLD, unit / 7);
            int bottom = size.height() - margin;
            String clock = clock(second);
            g.setFont(clockFont);
            g.setColor(TEXT);
            g.drawString(clock, size.width() - margin - g.getFontMetrics().stringWidth(clock), bottom);
            int blockTop = bottom - g.getFontMetrics().getAscent() - unit / 30;

            Font detailFont = font(Font.PLAIN, unit / 28);
            List<String> details = wrap(g, detailFont, details(), textWidth, 2);
            blockTop -= details.size() * g.getFontMetrics(detailFont).getHeight();
            lines(g, detailFont, SOFT_TEXT, details, margin, blockTop, details.size());

            if (notice != null) {
                Font noticeFont = font(Font.PLAIN, unit / 32);
                int padding = unit / 60;
                List<String> noticeLines = wrap(g, noticeFont, notice, textWidth - 2 * padding, 4);
                int boxHeight =
                        noticeLines.size() * g.getFontMetrics(noticeFont).getHeight() + 2 * padding;
                blockTop -= boxHeight + unit / 40;
                g.setColor(NOTICE_BACKGROUND);
                g.fillRect(margin, blockTop, textWidth, boxHeight);
                lines(g, noticeFont, TEXT, noticeLines, margin + padding, blockTop + padding, noticeLines.size());
            }

            int y = lines(
                    g,
                    font(Font.PLAIN, unit / 26),
                    SOFT_TEXT,
                    List.of(String.valueOf(spec.model())),
                    margin,
                    margin,
                    1);
            y += unit / 40;
            Font promptFont = font(Font.BOLD, unit / 15);
            Font negativeFont = font(Font.ITALIC, unit / 30);
            int negativeRoom = spec.negativePrompt() == null
                    ? 0
                    : 2 * g.getFontMetrics(negativeFont).getHeight();
            int promptRoom = (blockTop - unit / 40 - negativeRoom - y)
                    / g.getFontMetrics(promptFont).getHeight();
            int promptLines = Math.max(1, Math.min(MAX_PROMPT_LINES, promptRoom));
            y = lines(
                    g,
                    promptFont,
                    TEXT,
                    wrap(g, promptFont, spec.prompt(), textWidth, promptLines + 1),
                    margin,
                    y,
                    promptLines);
            if (spec.negativePrompt() != null) {
                lines(
                        g,
                        negativeFont,
                        SOFT_TEXT,
                        wrap(g, negativeFont, "without: " + spec.negativePrompt(), textWidth, 3),
                        margin,
                        y,
                        2);
            }
        } finally {
            g.dispose();
        }
        return frame;
    }

    /** {@code image} scaled to fit the frame, keeping its proportions, centred on black. */
    BufferedImage picture(BufferedImage image) {
        BufferedImage frame = blank(Color.BLACK);
        Graphics2D g = graphics(frame);
        try {
            double scale =
                    Math.min((double) size.width() / image.getWidth(), (double) size.height() / image.getHeight());
            int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, (size.width() - width) / 2, (size.height() - height) / 2, width, height, null);
        } finally {
            g.dispose();
        }
        return frame;
    }

    static String clock(int second) {
        return String.format("%02d:%02d", second / 60, second % 60);
    }

    /** The line under the prompt: resolution, aspect ratio, size, length, the seed when given, and the audio. */
    String details() {
        StringBuilder details = new StringBuilder()
                .append(String.join(SEPARATOR, spec.resolution(), spec.aspectRatio(), size.toString()))
                .append(SEPARATOR)
                .append(spec.seconds())
                .append(" s");
        if (spec.seed() != null) {
            details.append(SEPARATOR).append("seed ").append(spec.seed());
        }
        details.append(SEPARATOR).append(spec.audio() ? "with audio" : "no audio");
        return details.toString();
    }

    // a dark colour from the request's text, so different requests look different and the same one looks the same
    private static Color background(VideoSpec spec) {
        int hash = (spec.prompt() + "\n" + spec.model() + "\n" + spec.seed()).hashCode();
        // mixed (MurmurHash3's finaliser), so prompts that differ by a word get hues far apart
        hash ^= hash >>> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >>> 13;
        float hue = (hash >>> 16) / 65536f;
        return Color.getHSBColor(hue, 0.55f, 0.32f);
    }

    private BufferedImage blank(Color color) {
        BufferedImage frame = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, size.width(), size.height());
        g.dispose();
        return frame;
    }

    private static Graphics2D graphics(BufferedImage frame) {
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static Font font(int style, int pixels) {
        return new Font(FONT, style, Math.max(8, pixels));
    }

    /** Draws up to {@code max} lines from the top at {@code y}, the last shown one ending in "..." when cut. */
    private static int lines(Graphics2D g, Font font, Color color, List<String> lines, int x, int y, int max) {
        g.setFont(font);
        g.setColor(color);
        FontMetrics metrics = g.getFontMetrics();
        int shown = Math.min(lines.size(), max);
        for (int i = 0; i < shown; i++) {
            String line = i == shown - 1 && shown < lines.size() ? lines.get(i) + " ..." : lines.get(i);
            y += metrics.getAscent();
            g.drawString(line, x, y);
            y += metrics.getDescent() + metrics.getLeading();
        }
        return y;
    }

    /**
     * Breaks text into at most {@code max} lines no wider than {@code width}: at spaces, or inside a word too long for
     * one line. It stops at {@code max}, so a huge prompt costs no more than the lines shown.
     */
    static List<String> wrap(Graphics2D g, Font font, String text, int width, int max) {
        FontMetrics metrics = g.getFontMetrics(font);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (lines.size() >= max) {
                return lines;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (metrics.stringWidth(rest) > width && rest.length() > 1 && lines.size() < max) {
                int cut = longestFitting(metrics, rest, width);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0 && lines.size() < max) {
            lines.add(line.toString());
        }
        return lines;
    }

    // the longest prefix, at least one character, that fits: a binary search, as a word may be thousands long
    private static int longestFitting(FontMetrics metrics, String word, int width) {
        int low = 1;
        int high = word.length() - 1;
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (metrics.stringWidth(word.substring(0, middle)) <= width) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}

package io.github.camelseedance.emulator;

/** The bytes a {@code Range} header asks for, {@code from} inclusive and {@code to} exclusive; one range only. */
record VideoRange(long from, long to) {

    /** Answers for a range the video cannot satisfy, with the 416 status and the size it needs. */
    static final VideoRange UNSATISFIABLE = new VideoRange(-1, -1);

    /**
     * Reads {@code bytes=N-}, {@code bytes=N-M} or {@code bytes=-N} (the last N bytes); null for no header or a form
     * it does not read (several ranges, other units), which is answered with the whole video as HTTP allows.
     */
    static VideoRange parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            if (dash == 0) {
                long suffix = Long.parseLong(spec.substring(1));
                return suffix <= 0 ? UNSATISFIABLE : new VideoRange(Math.max(0, size - suffix), size);
            }
            long first = Long.parseLong(spec.substring(0, dash));
            String lastText = spec.substring(dash + 1);
            long last = lastText.isEmpty() ? size - 1 : Math.min(Long.parseLong(lastText), size - 1);
            if (first >= size) {
                return UNSATISFIABLE;
            }
            // a last byte before the first is not a valid range: ignored, as HTTP says
            return last < first ? null : new VideoRange(first, last + 1);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

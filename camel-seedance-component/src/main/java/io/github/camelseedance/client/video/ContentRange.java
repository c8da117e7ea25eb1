package io.github.camelseedance.client.video;

/**
 * A {@code Content-Range: bytes first-last/total} header of a 206 answer; {@code total} is -1 when the host wrote
 * {@code *}. Null from {@link #parse} for anything else, which a resumed download then refuses.
 */
record ContentRange(long first, long last, long total) {

    static ContentRange parse(String header) {
        if (header == null || !header.regionMatches(true, 0, "bytes ", 0, 6)) {
            return null;
        }
        String spec = header.substring(6).strip();
        int dash = spec.indexOf('-');
        int slash = spec.indexOf('/');
        if (dash < 1 || slash < dash + 2) {
            return null;
        }
        try {
            long first = Long.parseLong(spec.substring(0, dash));
            long last = Long.parseLong(spec.substring(dash + 1, slash));
            String size = spec.substring(slash + 1);
            long total = size.equals("*") ? -1 : Long.parseLong(size);
            if (first < 0 || last < first || total != -1 && total <= last) {
                return null;
            }
            return new ContentRange(first, last, total);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package io.github.camelseedance.benchmarks;

import java.math.BigDecimal;
import java.time.Duration;

/** The pieces every report section is made of: table rows, numbers, and a target's verdict. */
final class Markdown {

    private Markdown() {}

    static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** A target, met or missed, with what was measured; a missed one also says why and what would close it. */
    static String verdict(String target, boolean met, String measured, String whyAndFix) {
        return "- Target: " + target + ": **" + (met ? "met" : "missed") + "** (" + measured + ")."
                + (met ? "" : " " + whyAndFix) + "\n";
    }

    static String f(double value, int decimals) {
        return String.format("%." + decimals + "f", value);
    }

    static String code(String text) {
        return "`" + text + "`";
    }

    /** 2000 ms as "2 s", 500 ms as "0.5 s". */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** 1073741824 as "1 GiB", 67108864 as "64 MiB", anything else in bytes. */
    static String bytes(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + " GiB";
        }
        return bytes % (1L << 20) == 0 ? bytes / (1L << 20) + " MiB" : bytes + " bytes";
    }

    /** 10000 as "10,000". */
    static String count(int count) {
        return String.format("%,d", count);
    }
}

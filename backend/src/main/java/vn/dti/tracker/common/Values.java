package vn.dti.tracker.common;

import java.math.BigDecimal;

/** How free text and numbers are stored: trimmed text or nothing, numbers as written. */
public final class Values {

    private Values() {
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** 50 rather than 50.000000, so that what is read back equals what was written. */
    public static BigDecimal strip(BigDecimal n) {
        if (n == null) {
            return null;
        }
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}

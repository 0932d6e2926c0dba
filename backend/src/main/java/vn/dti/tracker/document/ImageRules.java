package vn.dti.tracker.document;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

import vn.dti.tracker.document.TextLayout.Rule;

/**
 * The ruling lines seen in a scanned page: runs of dark pixels, across or down the page, longer than any stroke of a
 * letter. They are a table's borders, as a PDF draws them; {@link TextLayout} makes tables of them alike. A page
 * scanned askew by more than about half a degree breaks its lines into pieces too short to be found.
 */
final class ImageRules {

    /** Darker than this (of 255) is ink. */
    private static final int INK = 160;
    /** More ruling pieces than this on a page is no table but a picture or a dark scan: none are kept. */
    private static final int MAX_RULES = 20_000;

    private ImageRules() {
    }

    /** {@code image} is 8-bit gray; {@code dpi} tells how long a letter's stroke can be (a quarter of an inch). */
    static List<Rule> find(BufferedImage image, int dpi) {
        byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int w = image.getWidth();
        int h = image.getHeight();
        int min = Math.max(20, dpi / 4);
        List<Rule> rules = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int start = -1;
            for (int x = 0; x <= w; x++) {
                boolean dark = x < w && (px[row + x] & 0xff) < INK;
                if (dark && start < 0) {
                    start = x;
                } else if (!dark && start >= 0) {
                    if (x - start >= min) {
                        rules.add(new Rule(true, y, start, x - 1));
                    }
                    start = -1;
                }
            }
            if (rules.size() > MAX_RULES) {
                return List.of();
            }
        }
        int[] start = new int[w];
        java.util.Arrays.fill(start, -1);
        for (int y = 0; y <= h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                boolean dark = y < h && (px[row + x] & 0xff) < INK;
                if (dark && start[x] < 0) {
                    start[x] = y;
                } else if (!dark && start[x] >= 0) {
                    if (y - start[x] >= min) {
                        rules.add(new Rule(false, x, start[x], y - 1));
                    }
                    start[x] = -1;
                }
            }
            if (rules.size() > MAX_RULES) {
                return List.of();
            }
        }
        return rules;
    }

    /**
     * Paints the ruling lines white (with the pixel on either side that smoothing greyed), so that the recognition does
     * not read a border as a letter ("|", "—") or lose the letters next to it.
     */
    static void erase(BufferedImage image, List<Rule> rules) {
        byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int w = image.getWidth();
        int h = image.getHeight();
        for (Rule r : rules) {
            int at = (int) r.at();
            for (int across = Math.max(0, at - 1); across <= at + 1; across++) {
                for (int along = Math.max(0, (int) r.from() - 1); along <= (int) r.to() + 1; along++) {
                    int x = r.horizontal() ? along : across;
                    int y = r.horizontal() ? across : along;
                    if (x < w && y < h) {
                        px[y * w + x] = (byte) 0xff;
                    }
                }
            }
        }
    }
}

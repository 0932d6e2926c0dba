package vn.dti.tracker.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** The Content-Disposition header of a download whose name may be Vietnamese. */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    /**
     * A Content-Disposition value (RFC 6266): an ASCII fallback for old clients and the exact name in
     * UTF-8 (RFC 8187) for the rest. "Báo cáo.pdf" becomes {@code filename="Bao cao.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf}.
     */
    public static String of(String type, String name) {
        String ascii = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9 ._()\\-]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}

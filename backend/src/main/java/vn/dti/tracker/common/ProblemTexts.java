package vn.dti.tracker.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The catalogue of problem texts (resources {@code messages/problems_vi.properties} and {@code problems_en.properties}),
 * keyed by the stable problem code, and the choice of language from {@code Accept-Language}: Vietnamese unless the
 * caller prefers English. The code of a problem never changes with the language.
 *
 * <p>A Vietnamese refusal keeps the sentence written where it was thrown, which names the very file, unit or period; in
 * English the catalogue's text for the code is given. Texts with arguments ({@code {0}}) are filled where the arguments
 * are known (the limits of a validated field).
 */
public final class ProblemTexts {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<Locale> SUPPORTED = List.of(VIETNAMESE, ENGLISH);
    private static final String BUNDLE = "messages.problems";

    private ProblemTexts() {
    }

    /** The language to answer in: the first of Vietnamese and English the header accepts; Vietnamese by default. */
    public static Locale language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return VIETNAMESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String wanted = range.getRange();
                if (wanted.equals("*")) {
                    return VIETNAMESE;
                }
                for (Locale supported : SUPPORTED) {
                    String tag = supported.getLanguage();
                    if (wanted.equalsIgnoreCase(tag) || wanted.toLowerCase(Locale.ROOT).startsWith(tag + "-")) {
                        return supported;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // A header that does not parse asks for nothing in particular.
        }
        return VIETNAMESE;
    }

    /** The language of the request being answered (outside one: Vietnamese). */
    public static Locale requestLanguage() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return VIETNAMESE;
        }
        try {
            RoutingContext context = container.instance(CurrentVertxRequest.class).get().getCurrent();
            return context == null ? VIETNAMESE : language(context.request().getHeader("Accept-Language"));
        } catch (RuntimeException e) {
            return VIETNAMESE;
        }
    }

    /** The text of a code (or of a {@code title.<status>} key) as written, without filling arguments. */
    public static Optional<String> text(String key, Locale language) {
        try {
            return Optional.of(bundle(language).getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** The text of a code with its arguments filled in. */
    public static Optional<String> format(String key, Locale language, Object... args) {
        return text(key, language).map(pattern -> new MessageFormat(pattern, language).format(args));
    }

    /** True if the text of the code takes arguments, which only the place that refused knows. */
    static boolean takesArguments(String key, Locale language) {
        return text(key, language).map(t -> t.matches("(?s).*\\{\\d+}.*")).orElse(false);
    }

    /** Every key of the catalogue in one language (for the tests that keep both languages complete). */
    public static java.util.Set<String> keys(Locale language) {
        return bundle(language).keySet();
    }

    private static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, language, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}

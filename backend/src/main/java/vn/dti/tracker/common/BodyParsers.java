package vn.dti.tracker.common;

/** Tells an exception of Quarkus REST's body parsers (the request's fault) from one of our own code (a fault of ours). */
final class BodyParsers {

    static final String FORM = "form";
    static final String MULTIPART = "multipart";

    private static final String PARSERS = "org.jboss.resteasy.reactive.server.core.multipart.";
    private static final String FORM_HANDLER = "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler";
    private static final String OURS = "vn.dti.tracker.";

    private BodyParsers() {
    }

    /** {@link #FORM} or {@link #MULTIPART} when the innermost frame of ours or of a parser is a parser's, else null. */
    static String thrownBy(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith(OURS)) {
                return null;
            }
            if (type.startsWith(PARSERS + "FormEncoded")) {
                return FORM;
            }
            if (type.startsWith(PARSERS) || type.equals(FORM_HANDLER)) {
                return MULTIPART;
            }
        }
        return null;
    }
}

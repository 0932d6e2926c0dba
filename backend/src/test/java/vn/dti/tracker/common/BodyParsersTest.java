package vn.dti.tracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Only what Quarkus REST's body parsers throw is the request's fault; the same exception from our code is ours. */
class BodyParsersTest {

    private static IllegalArgumentException thrownFrom(String... classes) {
        IllegalArgumentException e = new IllegalArgumentException("Failed to decode URL %zz to UTF-8");
        StackTraceElement[] frames = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            frames[i] = new StackTraceElement(classes[i], "run", null, 1);
        }
        e.setStackTrace(frames);
        return e;
    }

    @Test
    void aBrokenFormIsTheRequestsFault() {
        assertEquals(BodyParsers.FORM, BodyParsers.thrownBy(thrownFrom("org.jboss.resteasy.reactive.common.util.URLUtils",
                "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition$FormEncodedDataParser",
                "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")));
    }

    @Test
    void aBrokenMultipartBodyIsTheRequestsFault() {
        assertEquals(BodyParsers.MULTIPART, BodyParsers.thrownBy(thrownFrom("org.jboss.resteasy.reactive.server.core.multipart.MultipartParser",
                "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")));
    }

    @Test
    void theSameExceptionFromOurCodeIsOurs() {
        assertNull(BodyParsers.thrownBy(thrownFrom("vn.dti.tracker.plan.PlanService",
                "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")));
        assertNull(BodyParsers.thrownBy(thrownFrom("java.util.UUID", "org.hibernate.query.spi.AbstractSelectionQuery")));
    }
}

package vn.dti.tracker.common;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * The text of a request outside its JSON body (path, query and header values, form fields) passes
 * the same rules as JSON strings before any resource sees it; the first offending value is named.
 */
public class RequestValues {

    @ServerRequestFilter
    @WithFormRead
    public void check(UriInfo uri, HttpHeaders headers, ServerRequestContext context) {
        check("", uri.getPathParameters());
        check("", uri.getQueryParameters());
        check("header ", headers.getRequestHeaders());
        if (context instanceof ResteasyReactiveRequestContext request && request.getFormData() != null) {
            FormData form = request.getFormData();
            for (String name : form) {
                NulCharacters.check(name, name);
                for (FormValue value : form.get(name)) {
                    if (!value.isFileItem()) {
                        NulCharacters.check(name, value.getValue());
                    }
                }
            }
        }
    }

    private static void check(String prefix, Map<String, List<String>> values) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            NulCharacters.check(prefix + entry.getKey(), entry.getKey());
            for (String value : entry.getValue()) {
                NulCharacters.check(prefix + entry.getKey(), value);
            }
        }
    }
}

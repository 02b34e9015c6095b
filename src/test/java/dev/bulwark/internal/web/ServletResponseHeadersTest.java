package dev.bulwark.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.headers.HeaderWriters;
import dev.bulwark.internal.headers.ResponseFacts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header writers on a servlet response: the application's own headers stay, each default goes out once. */
class ServletResponseHeadersTest {

    private final HeaderWriters writers = HeaderWriters.of(TestConfig.load(Map.of()).config().headers());

    @Test
    void theApplicationsHeadersStayInAnyCaseAndEachDefaultIsSentOnce() {
        FakeResponse response = new FakeResponse(1024);
        response.setHeader("x-frame-options", "SAMEORIGIN");
        response.setHeader("Cache-Control", "private, max-age=60");
        ServletResponseHeaders headers = new ServletResponseHeaders(response);
        assertThat(headers.contains("X-Frame-Options")).isTrue();

        writers.write(new ResponseFacts(true, true, false, false, null), headers);
        response.complete();

        assertThat(response.sentHeaders("X-Frame-Options")).containsExactly("SAMEORIGIN");
        assertThat(response.sentHeaders("Cache-Control")).containsExactly("private, max-age=60");
        assertThat(response.sentHeaders("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.sentHeaders("Strict-Transport-Security")).containsExactly("max-age=63072000; includeSubDomains");
        assertThat(response.sentHeaders("Content-Security-Policy")).hasSize(1);
    }

    @Test
    void writingTwiceSendsNoHeaderTwice() {
        FakeResponse response = new FakeResponse(1024);
        writers.write(new ResponseFacts(true, false, false, false, null), new ServletResponseHeaders(response));
        writers.write(new ResponseFacts(true, false, true, false, null), new ServletResponseHeaders(response));
        response.complete();
        assertThat(response.sentHeaders("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.sentHeaders("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void aRemovedHeaderIsAbsentForTheWritersThatFollow() {
        FakeResponse response = new FakeResponse(1024);
        response.setHeader("Referrer-Policy", "origin");
        ServletResponseHeaders headers = new ServletResponseHeaders(response);
        headers.set("referrer-policy", null);
        assertThat(headers.contains("Referrer-Policy")).isFalse();
        writers.write(new ResponseFacts(false, false, false, false, null), headers);
        response.complete();
        assertThat(response.sentHeaders("Referrer-Policy")).containsExactly("no-referrer");
    }

    @Test
    void onAnAsynchronousResponseTheRuntimesPendingHeadersCountAsPresentAndCarryWhatTheWritersForce() {
        FakeResponse response = new FakeResponse(1024);
        response.setHeader("WWW-Authenticate", "Bearer"); // the container's challenge, already on the response
        MapPendingHeaders jaxrs = new MapPendingHeaders();
        jaxrs.set("Cache-Control", "max-age=600"); // the application's, on an error
        jaxrs.set("X-Frame-Options", "SAMEORIGIN"); // the application's own choice
        jaxrs.set("Link", "</docs>; rel=\"help\"");
        ServletResponseHeaders headers = new ServletResponseHeaders(response, jaxrs);

        assertThat(headers.contains("cache-control")).isTrue();
        assertThat(headers.get("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(headers.get("WWW-Authenticate")).isEqualTo("Bearer");
        writers.write(new ResponseFacts(true, false, true, false, null), headers); // a problem
        headers.add("Link", "</v2>; rel=\"successor-version\"");
        headers.set("WWW-Authenticate", null);
        jaxrs.writeOnto(response); // what the runtime writes last
        response.complete();

        assertThat(response.sentHeaders("Cache-Control")).containsExactly("no-store"); // forced on a problem
        assertThat(response.sentHeaders("X-Frame-Options")).containsExactly("SAMEORIGIN");
        assertThat(response.sentHeaders("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.sentHeaders("Link")).containsExactly("</docs>; rel=\"help\"",
                "</v2>; rel=\"successor-version\"");
        assertThat(response.sentHeaders("WWW-Authenticate")).isEmpty();
        assertThat(headers.values("Link")).hasSize(2);
    }
}

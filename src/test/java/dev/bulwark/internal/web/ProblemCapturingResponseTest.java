package dev.bulwark.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.internal.errors.ErrorLog;
import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.errors.Incident;
import dev.bulwark.internal.errors.ProblemAnswer;
import dev.bulwark.internal.errors.ProblemAnswers;
import dev.bulwark.internal.errors.ProblemFactory;
import dev.bulwark.internal.exposure.egress.EgressAction;
import dev.bulwark.internal.exposure.egress.EgressCheck;
import dev.bulwark.internal.exposure.egress.EgressSettings;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The response wrapper in front of a container-like response: what a client receives (status, headers, body) when
 * the application commits its response in each of the ways the servlet API allows, resets it, fails, redirects or
 * goes asynchronous.
 */
class ProblemCapturingResponseTest {

    private static final String SECURITY_HEADER = "X-Content-Type-Options";
    private static final String ERROR_ONLY_HEADER = "Cache-Control";

    private final FakeResponse container = new FakeResponse(64);
    /** The status the commit hook saw, once per run. */
    private final List<Integer> hookRuns = new ArrayList<>();
    /** Whether the response had already committed when the hook ran (it must not have: its headers would be lost). */
    private final List<Boolean> committedAtHook = new ArrayList<>();

    /** Like the filter's hook: security headers on the real response, some only on errors. */
    private final ProblemCapturingResponse response = new ProblemCapturingResponse(container, (status, contentType, pending) -> {
        hookRuns.add(status);
        committedAtHook.add(container.isCommitted());
        container.setHeader(SECURITY_HEADER, "nosniff");
        if (status >= 400) {
            container.setHeader(ERROR_ONLY_HEADER, "no-store");
        }
    }, location -> Redirects.ownReference(location, "https", "api.example", 443), null);

    /** What the filter does once the application returned: the hook if nothing committed, or the problem. */
    private FakeResponse finish() throws IOException {
        return finish(response);
    }

    private FakeResponse finish(ProblemCapturingResponse response) throws IOException {
        response.bodyDone();
        if (!response.needsProblem()) {
            if (!container.isCommitted()) {
                response.beforeCommit();
            }
        } else if (!container.isCommitted()) {
            ProblemAnswer answer = new ProblemAnswers(new ProblemFactory(URI.create("https://bulwark.dev/problems/")),
                    new ErrorLog(java.util.logging.Level.FINE)).forStatus(response.status(),
                    new Incident("c-1", "GET /", "client 192.0.2.1", "test", null));
            container.setHeader(SECURITY_HEADER, "nosniff");
            ProblemWriter.body(container, answer, response.realWriterTaken());
        }
        return container.complete();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // ---- the egress check: a JSON body is checked as it is written ----

    private ProblemCapturingResponse checked(EgressAction action) {
        EgressCheck check = new EgressCheck(new EgressSettings(action,
                java.util.EnumSet.allOf(dev.bulwark.api.EgressAllowed.Kind.class), 4096));
        return new ProblemCapturingResponse(container,
                (status, contentType, pending) -> container.setHeader(SECURITY_HEADER, "nosniff"),
                location -> null, check.forResponse("c-1", () -> "GET /", null));
    }

    @Test
    void anAsynchronousResponseRunsTheHookOnceWithTheStatusTypeAndHeadersJaxRsIsAboutToWrite() throws IOException {
        List<String> typesSeen = new ArrayList<>();
        List<dev.bulwark.internal.headers.PendingHeaders> pendingSeen = new ArrayList<>();
        ProblemCapturingResponse async = new ProblemCapturingResponse(container, (status, contentType, pending) -> {
            hookRuns.add(status);
            typesSeen.add(contentType);
            pendingSeen.add(pending);
            container.setHeader(SECURITY_HEADER, "nosniff");
        }, location -> null, null);
        async.passThrough(); // the request went asynchronous; the filter returned
        MapPendingHeaders jaxrs = new MapPendingHeaders();

        async.beforeAsyncCommit(204, null, jaxrs);
        async.beforeAsyncCommit(500, "application/json", new MapPendingHeaders()); // once only
        async.setStatus(204);
        async.flushBuffer(); // nor again when the runtime flushes

        assertThat(hookRuns).containsExactly(204);
        assertThat(typesSeen).containsExactly((String) null);
        assertThat(pendingSeen).containsExactly(jaxrs);
        assertThat(container.complete().sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
    }

    @Test
    void anAsynchronousResponseThatFailsAfterTheHookRanForASuccessGetsTheErrorsHeaders() throws IOException {
        response.passThrough();
        response.beforeAsyncCommit(200, "application/json", new MapPendingHeaders());
        // the entity's writer failed before its first byte; the runtime answers 500 through the wrapper
        response.sendError(500);
        response.flushBuffer(); // and no third run for the same error
        assertThat(hookRuns).containsExactly(200, 500);
        assertThat(committedAtHook).containsOnly(false);
        assertThat(container.complete().sentHeader(ERROR_ONLY_HEADER)).isEqualTo("no-store");
    }

    @Test
    void anAsynchronousCommitAfterTheBodyStartedOrTheResponseCommittedRunsNoHookAgain() throws IOException {
        response.passThrough();
        response.setContentType("application/json");
        response.getOutputStream().write(ascii("{}"));
        response.beforeAsyncCommit(200, "application/json", new MapPendingHeaders());
        assertThat(hookRuns).containsExactly(200);

        FakeResponse committed = new FakeResponse(64);
        List<Integer> runs = new ArrayList<>();
        ProblemCapturingResponse late = new ProblemCapturingResponse(committed,
                (status, contentType, pending) -> runs.add(status), location -> null, null);
        committed.flushBuffer();
        late.beforeAsyncCommit(204, null, new MapPendingHeaders());
        assertThat(runs).isEmpty();
    }

    @Test
    void aJsonBodyResetAndReplacedByAPageBeforeCommitGetsTheHookAgainForItsNewType() throws IOException {
        response.setContentType("application/json");
        response.getOutputStream().write(ascii("{\"x\":"));
        assertThat(hookRuns).containsExactly(200);
        response.setContentType("application/json;charset=UTF-8"); // still JSON: nothing to add
        assertThat(hookRuns).containsExactly(200);
        response.resetBuffer();
        response.setContentType("text/html");
        assertThat(hookRuns).containsExactly(200, 200);
        response.setHeader("Content-Type", "image/svg+xml");
        response.addHeader("content-type", "text/plain");
        assertThat(hookRuns).containsExactly(200, 200, 200, 200);
        assertThat(committedAtHook).containsOnly(false);
    }

    @Test
    void anAsynchronousResponsesTypeArrivingAfterItsHookRunsNoHookAgain() throws IOException {
        response.passThrough();
        // the hook ran into JAX-RS's own headers with the type JAX-RS sends; the runtime then copies type and
        // headers onto the servlet response: a second run there would write the headers twice
        response.beforeAsyncCommit(404, "text/html", new MapPendingHeaders());
        response.setContentType("text/html");
        response.setHeader("Content-Type", "text/html;charset=UTF-8");
        assertThat(hookRuns).containsExactly(404);
    }

    @Test
    void aFlushOfABodilessResponseRunsTheHookButLeavesTheCommitToTheContainer() throws IOException {
        for (int status : new int[] {204, 304}) {
            FakeResponse c = new FakeResponse(64);
            List<Integer> runs = new ArrayList<>();
            ProblemCapturingResponse r = new ProblemCapturingResponse(c, (s, type, pending) -> {
                runs.add(s);
                c.setHeader(SECURITY_HEADER, "nosniff");
            }, location -> null, null);
            r.setStatus(status);
            r.flushBuffer(); // what Liberty does with a wrapped response as the servlet returns
            assertThat(c.isCommitted()).as("%s committed by the flush", status).isFalse();
            assertThat(runs).containsExactly(status);
            assertThat(c.complete().sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
            assertThat(c.sentStatus()).isEqualTo(status);
        }
        // a response with a body commits on a flush as before
        response.setStatus(200);
        response.getOutputStream().write(ascii("{}"));
        response.flushBuffer();
        assertThat(container.isCommitted()).isTrue();
    }

    @Test
    void aTypeSetBeforeTheBodyOrAfterTheCommitRunsNoExtraHook() throws IOException {
        response.setContentType("text/html"); // before the body: the hook is still to run, with this type
        assertThat(hookRuns).isEmpty();
        response.getOutputStream().write(ascii("<p>"));
        response.flushBuffer();
        assertThat(container.isCommitted()).isTrue();
        response.setContentType("text/plain"); // too late for any header
        assertThat(hookRuns).containsExactly(200);
    }

    @Test
    void onlyOneProblemMediaTypeIsAProblemDocumentAlready() {
        assertThat(ProblemCapturingResponse.isProblem("application/problem+json")).isTrue();
        assertThat(ProblemCapturingResponse.isProblem("Application/Problem+JSON; charset=UTF-8")).isTrue();
        assertThat(ProblemCapturingResponse.isProblem("application/problem+json, text/html")).isFalse();
        assertThat(ProblemCapturingResponse.isProblem("application/problem+jsonx")).isFalse();
        assertThat(ProblemCapturingResponse.isProblem("text/html; x=application/problem+json")).isFalse();
        assertThat(ProblemCapturingResponse.isProblem(null)).isFalse();
    }

    @Test
    void anErrorPageSentAsProblemAndHtmlAtOnceIsReplacedByTheProblem() throws IOException {
        response.setStatus(400);
        response.setHeader("Content-Type", "application/problem+json, text/html");
        response.getOutputStream().write(ascii("<h1>internal</h1>"));
        assertThat(response.needsProblem()).isTrue();
        assertThat(response.bytesWritten()).as("held back for the problem").isZero();
    }

    @Test
    void theBodyBytesThatReachTheContainerAreCountedForTheAuditEvent() throws IOException {
        response.setContentType("application/json");
        ServletOutputStream out = response.getOutputStream();
        out.write(ascii("{\"id\":"));
        out.write('7');
        out.write(ascii("xx}yy"), 2, 1);
        finish();
        assertThat(response.bytesWritten()).isEqualTo(8);

        ProblemCapturingResponse error = new ProblemCapturingResponse(new FakeResponse(64), (status, contentType, pending) -> { },
                location -> null, null);
        error.setStatus(404);
        error.getWriter().write("<html>not here</html>"); // held back: the problem replaces it
        assertThat(error.needsProblem()).isTrue();
        assertThat(error.bytesWritten()).isZero();
    }

    @Test
    void aSecretInAJsonBodyIsRemovedAsItIsWritten() throws IOException {
        ProblemCapturingResponse checked = checked(EgressAction.REDACT);
        checked.setContentType("application/json");
        ServletOutputStream out = checked.getOutputStream();
        out.write(ascii("{\"key\":\"AKIAIOSFO"));
        out.flush();
        out.write(ascii("DNN7EXAMPLE\",\"ok\":1}"));

        FakeResponse sent = finish(checked);
        assertThat(sent.sentStatus()).isEqualTo(200);
        assertThat(sent.sentBody()).isEqualTo("{\"key\":\"[removed]\"           ,\"ok\":1}");
    }

    @Test
    void aSecretInAHeldBackJsonBodyTurnsTheResponseIntoThe500Problem() throws IOException {
        ProblemCapturingResponse checked = checked(EgressAction.PROBLEM);
        checked.setContentType("application/json");
        PrintWriter out = checked.getWriter();
        out.write("{\"detail\":\"ORA-00942: table or view does not exist\"}");
        out.flush();

        assertThat(container.isCommitted()).as("a flush does not commit a held-back body").isFalse();
        FakeResponse sent = finish(checked);
        assertThat(sent.sentStatus()).isEqualTo(500);
        assertThat(sent.sentHeader("Content-Type")).startsWith(Problem.MEDIA_TYPE);
        assertThat(sent.sentBody()).doesNotContain("ORA-").contains("\"status\":500");
    }

    @Test
    void aResetBodyIsCheckedAfreshAndAHeldBackOneDoesNotCommitOnFlushBuffer() throws IOException {
        ProblemCapturingResponse checked = checked(EgressAction.PROBLEM);
        checked.setContentType("application/json");
        checked.getOutputStream().write(ascii("{\"trace\":\"java.lang.IllegalStateException: x\"}"));
        checked.resetBuffer();
        checked.getOutputStream().write(ascii("{\"error\":\"retry later\"}"));
        checked.flushBuffer();
        assertThat(container.isCommitted()).isFalse();

        FakeResponse sent = finish(checked);
        assertThat(sent.sentStatus()).isEqualTo(200);
        assertThat(sent.sentBody()).isEqualTo("{\"error\":\"retry later\"}");
    }

    private static final String AWS = "AKIAIOSFODNN7EXAMPLE";

    @Test
    void aJsonShapedBodyWrittenBeforeItsContentTypeIsCheckedAllTheSame() throws IOException {
        ProblemCapturingResponse checked = checked(EgressAction.REDACT);
        ServletOutputStream out = checked.getOutputStream();
        out.flush(); // before the first byte: decides nothing
        out.write(ascii("{\"key\":\"" + AWS + "\"}"));
        checked.setContentType("application/json");
        assertThat(finish(checked).sentBody()).doesNotContain("AKIA").startsWith("{\"key\":\"[removed]\"");
    }

    @Test
    void aJsonShapedBodyWrittenBeforeItsContentTypeThroughTheWriterIsCheckedToo() throws IOException {
        ProblemCapturingResponse writer = checked(EgressAction.PROBLEM);
        writer.getWriter().write("\n[\"" + AWS + "\"]");
        assertThat(finish(writer).sentStatus()).isEqualTo(500);
    }

    @Test
    void aFlushBeforeTheFirstByteDoesNotCommitAHeldBackBody() throws IOException {
        ProblemCapturingResponse checked = checked(EgressAction.PROBLEM);
        ServletOutputStream out = checked.getOutputStream();
        out.flush(); // no content type yet
        checked.setContentType("application/json");
        out.flush();
        assertThat(container.isCommitted()).isFalse();
        out.write(ascii("{\"key\":\"" + AWS + "\"}"));
        out.flush();
        assertThat(finish(checked).sentStatus()).isEqualTo(500);
    }

    @Test
    void anUntypedBodyThatIsNotShapedLikeJsonIsNotChecked() throws IOException {
        ProblemCapturingResponse checked = checked(EgressAction.PROBLEM);
        checked.getOutputStream().write(ascii("<p>key \"1.2.3\"</p>"));
        checked.setContentType("text/html");
        assertThat(finish(checked).sentBody()).isEqualTo("<p>key \"1.2.3\"</p>");
    }

    @Test
    void aResetBufferInsideAStringStartsTheCheckAgainAndNeverResendsWhatWasDiscarded() throws IOException {
        resetInsideAString(false);
    }

    @Test
    void aResetInsideAStringStartsTheCheckAgainAndNeverResendsWhatWasDiscarded() throws IOException {
        resetInsideAString(true);
    }

    private void resetInsideAString(boolean full) throws IOException {
        {
            ProblemCapturingResponse checked = checked(EgressAction.REDACT);
            checked.setContentType("application/json");
            ServletOutputStream out = checked.getOutputStream();
            out.write(ascii("{\"draft\":\"discarded \\\" part"));
            if (full) {
                checked.reset();
                checked.setContentType("application/json");
            } else {
                checked.resetBuffer();
            }
            out.write(ascii("{\"key\":\"" + AWS + "\",\"n\":\"x\"}"));
            String sent = finish(checked).sentBody();
            assertThat(sent).as(full ? "reset" : "resetBuffer").doesNotContain("discarded").doesNotContain("draft")
                    .doesNotContain("AKIA").startsWith("{\"key\":\"[removed]\"").endsWith(",\"n\":\"x\"}");
        }
    }

    @Test
    void aBodyThatIsNotJsonIsNotChecked() throws IOException {
        ProblemCapturingResponse checked = checked(EgressAction.PROBLEM);
        checked.setContentType("text/plain");
        checked.getOutputStream().write(ascii("ORA-00942"));

        assertThat(finish(checked).sentBody()).isEqualTo("ORA-00942");
    }

    // ---- committing: the hook runs once, before the first byte, whichever way the response commits ----

    @Test
    void aBodyThroughTheWriterGoesOutWithTheHeadersWrittenOnce() throws IOException {
        response.setContentType("application/json");
        PrintWriter out = response.getWriter();
        out.write("{\"a\":");
        out.flush();
        out.write("1}");
        out.close();

        FakeResponse sent = finish();
        assertThat(sent.sentStatus()).isEqualTo(200);
        assertThat(sent.sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
        assertThat(sent.sentHeader(ERROR_ONLY_HEADER)).isNull();
        assertThat(sent.sentBody()).isEqualTo("{\"a\":1}");
        assertThat(hookRuns).containsExactly(200);
        assertThat(committedAtHook).containsExactly(false);
    }

    @Test
    void aBodyThroughTheStreamGoesOutWithTheHeadersWrittenOnce() throws IOException {
        response.setStatus(201);
        ServletOutputStream out = response.getOutputStream();
        out.write('[');
        out.write(ascii("1,2"), 0, 3);
        out.flush();
        out.write(']');

        FakeResponse sent = finish();
        assertThat(sent.sentStatus()).isEqualTo(201);
        assertThat(sent.sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
        assertThat(sent.sentBody()).isEqualTo("[1,2]");
        assertThat(hookRuns).containsExactly(201);
        assertThat(committedAtHook).containsExactly(false);
    }

    @Test
    void aBodyThatOverflowsTheContainersBufferCommitsWithTheHeaders() throws IOException {
        byte[] big = ascii("x".repeat(200));
        response.getOutputStream().write(big);

        assertThat(container.isCommitted()).isTrue();
        assertThat(container.sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
        assertThat(finish().sentBody()).hasSize(200);
        assertThat(hookRuns).containsExactly(200);
        assertThat(committedAtHook).containsExactly(false);
    }

    @Test
    void aBodyThatReachesItsContentLengthCommitsWithTheHeaders() throws IOException {
        response.setContentLength(4);
        response.getWriter().write("done");

        assertThat(container.isCommitted()).isTrue();
        assertThat(container.sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
        assertThat(container.sentHeader("Content-Length")).isEqualTo("4");
        assertThat(finish().sentBody()).isEqualTo("done");
        assertThat(hookRuns).containsExactly(200);
    }

    @Test
    void flushBufferOfANoContentResponseRunsTheHookOnceAndTheContainerSendsItWhole() throws IOException {
        response.setStatus(204);
        response.flushBuffer();
        response.flushBuffer();

        assertThat(container.isCommitted()).isFalse(); // HTTP/2: committed at the end, with END_STREAM
        FakeResponse sent = finish();
        assertThat(sent.sentStatus()).isEqualTo(204);
        assertThat(sent.sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
        assertThat(sent.sentBody()).isEmpty();
        assertThat(hookRuns).containsExactly(204);
    }

    @Test
    void aResponseWithoutBodyGetsTheHeadersWhenTheFilterEnds() throws IOException {
        response.setStatus(202);

        FakeResponse sent = finish();
        assertThat(sent.sentStatus()).isEqualTo(202);
        assertThat(sent.sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
        assertThat(hookRuns).containsExactly(202);
    }

    @Test
    void takingTheWriterOrStreamWithoutWritingCommitsNothing() throws IOException {
        response.getWriter();

        assertThat(container.isCommitted()).isFalse();
        assertThat(hookRuns).isEmpty();
        assertThat(response.realWriterTaken()).isFalse();
        assertThatThrownBy(response::getOutputStream).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theStreamExcludesTheWriterLikeTheContainer() throws IOException {
        response.getOutputStream();

        assertThatThrownBy(response::getWriter).isInstanceOf(IllegalStateException.class);
        assertThat(response.getOutputStream()).isSameAs(response.getOutputStream());
    }

    @Test
    void serverAndPoweredByFromTheApplicationAreDropped() throws IOException {
        response.setHeader("Server", "WildApp/1.2");
        response.addHeader("x-powered-by", "Servlet/6.0");
        response.setHeader("X-Request-Note", "kept");

        FakeResponse sent = finish();
        assertThat(sent.sentHeader("Server")).isNull();
        assertThat(sent.sentHeader("X-Powered-By")).isNull();
        assertThat(sent.sentHeader("X-Request-Note")).isEqualTo("kept");
    }

    // ---- errors: a body that is not a problem is held back, so the generic problem replaces it ----

    @Test
    void anErrorPageFromTheApplicationIsReplacedByTheProblem() throws IOException {
        response.setStatus(404);
        response.setContentType("text/html");
        response.getOutputStream().write(ascii("<html>at com.example.Secret.find(Secret.java:42)</html>"));
        response.flushBuffer();
        response.getOutputStream().flush();

        assertThat(container.isCommitted()).isFalse();
        assertThat(response.needsProblem()).isTrue();
        FakeResponse sent = finish();
        assertThat(sent.sentStatus()).isEqualTo(404);
        assertThat(sent.sentHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(sent.sentBody()).contains("\"status\":404").contains("c-1").doesNotContain("Secret");
        assertThat(sent.sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
    }

    @Test
    void anErrorWithoutContentTypeNeedsAProblem() {
        response.setStatus(500);

        assertThat(response.needsProblem()).isTrue();
        assertThat(response.status()).isEqualTo(500);
    }

    @Test
    void aProblemDocumentFromTheApplicationGoesOutAsItIs() throws IOException {
        response.setStatus(409);
        response.setHeader("Content-Type", "Application/Problem+JSON; charset=UTF-8");
        response.getWriter().write("{\"title\":\"Conflict\"}");

        assertThat(response.needsProblem()).isFalse();
        FakeResponse sent = finish();
        assertThat(sent.sentStatus()).isEqualTo(409);
        assertThat(sent.sentBody()).isEqualTo("{\"title\":\"Conflict\"}");
        assertThat(sent.sentHeader(ERROR_ONLY_HEADER)).isEqualTo("no-store");
        assertThat(hookRuns).containsExactly(409);
    }

    @Test
    void sendErrorIsCapturedInsteadOfReachingTheContainersErrorPage() throws IOException {
        response.sendError(403, "internal detail");
        response.getWriter().write("after the error");
        response.flushBuffer();

        assertThat(container.errorPageSent()).isFalse();
        assertThat(container.isCommitted()).isFalse();
        assertThat(response.needsProblem()).isTrue();
        FakeResponse sent = finish();
        assertThat(sent.sentStatus()).isEqualTo(403);
        assertThat(sent.sentBody()).contains("\"status\":403").doesNotContain("internal detail")
                .doesNotContain("after the error");
    }

    @Test
    void sendErrorNeedsAProblemEvenWithAProblemContentType() throws IOException {
        response.setContentType(Problem.MEDIA_TYPE);
        response.sendError(400);

        assertThat(response.needsProblem()).isTrue();
    }

    @Test
    void theStatusCannotChangeAfterSendErrorAsOnTheContainer() throws IOException {
        response.sendError(503);
        response.setStatus(200);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.needsProblem()).isTrue();
        assertThat(finish().sentStatus()).isEqualTo(503);
    }

    @Test
    void sendErrorOnACommittedResponseReachesTheContainer() throws IOException {
        response.getWriter().write("partial");
        response.flushBuffer();

        assertThatThrownBy(() -> response.sendError(500)).isInstanceOf(IllegalStateException.class);
        assertThat(hookRuns).containsExactly(200);
        assertThat(container.sentStatus()).isEqualTo(200);
    }

    @Test
    void theProblemGoesThroughTheWriterWhenTheApplicationsBodyReachedTheContainersWriter() throws IOException {
        response.getWriter().write("{\"partial\":");
        assertThat(response.realWriterTaken()).isTrue();
        response.setStatus(500);

        assertThat(response.needsProblem()).isTrue();
        FakeResponse sent = finish();
        assertThat(sent.sentStatus()).isEqualTo(500);
        assertThat(sent.sentBody()).startsWith("{").contains("\"status\":500").doesNotContain("partial");
    }

    @Test
    void aDiscardedErrorBodyNeverTakesTheContainersWriter() throws IOException {
        response.setStatus(400);
        response.getWriter().write("bad request");

        assertThat(response.realWriterTaken()).isFalse();
        assertThat(finish().sentBody()).contains("\"status\":400").doesNotContain("bad request");
    }

    // ---- reset and resetBuffer ----

    @Test
    void resetClearsACapturedErrorAndTheHeadersAreWrittenAgain() throws IOException {
        response.getWriter().write("first");
        response.sendError(500);
        response.reset();

        assertThat(response.needsProblem()).isFalse();
        assertThat(response.status()).isEqualTo(200);
        response.setContentType("text/plain");
        String second = "second ".repeat(20);
        response.getWriter().write(second);

        // the second body overflowed the buffer: the response committed with the headers written again
        assertThat(container.isCommitted()).isTrue();
        FakeResponse sent = finish();
        assertThat(sent.sentStatus()).isEqualTo(200);
        assertThat(sent.sentBody()).isEqualTo(second);
        assertThat(sent.sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
        assertThat(hookRuns).containsExactly(200, 200);
    }

    @Test
    void resetForgetsAProblemContentType() throws IOException {
        response.setContentType(Problem.MEDIA_TYPE);
        response.reset();
        response.setStatus(422);

        assertThat(response.needsProblem()).isTrue();
    }

    @Test
    void resetOnACommittedResponseFailsAndChangesNothing() throws IOException {
        response.setStatus(201);
        response.flushBuffer();

        assertThatThrownBy(response::reset).isInstanceOf(IllegalStateException.class);
        assertThat(response.status()).isEqualTo(201);
        assertThat(container.sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
    }

    @Test
    void resetBufferDropsTheBodyAndKeepsTheHeaders() throws IOException {
        response.setHeader("X-Request-Note", "kept");
        response.getWriter().write("dropped");
        response.resetBuffer();
        response.getWriter().write("kept");

        FakeResponse sent = finish();
        assertThat(sent.sentBody()).isEqualTo("kept");
        assertThat(sent.sentHeader("X-Request-Note")).isEqualTo("kept");
        assertThat(sent.sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
        assertThat(hookRuns).containsExactly(200);
    }

    // ---- redirects and Location ----

    @Test
    void aRedirectToTheOwnOriginIsSentRelativeWithTheHeaders() throws IOException {
        response.getWriter().write("dropped");
        response.sendRedirect("https://api.example/next?x=1");

        assertThat(container.isCommitted()).isTrue();
        FakeResponse sent = finish();
        assertThat(sent.sentStatus()).isEqualTo(302);
        assertThat(sent.sentHeader("Location")).isEqualTo("/next?x=1");
        assertThat(sent.sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
        assertThat(sent.sentBody()).isEmpty();
        assertThat(hookRuns).containsExactly(200);
    }

    @Test
    void aRelativeRedirectIsNotMadeAbsoluteFromTheHost() throws IOException {
        response.sendRedirect("/login");

        assertThat(finish().sentHeader("Location")).isEqualTo("/login");
        assertThat(hookRuns).containsExactly(302);
    }

    @Test
    void aRedirectToAnotherOriginGoesThroughTheContainer() throws IOException {
        response.sendRedirect("https://idp.example/authorize");

        FakeResponse sent = finish();
        assertThat(sent.sentStatus()).isEqualTo(302);
        assertThat(sent.sentHeader("Location")).isEqualTo("https://idp.example/authorize");
        assertThat(sent.sentHeader(SECURITY_HEADER)).isEqualTo("nosniff");
        assertThat(hookRuns).containsExactly(302);
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.needsProblem()).isFalse();
    }

    @Test
    void aRedirectAfterCommitFails() throws IOException {
        response.flushBuffer();

        assertThatThrownBy(() -> response.sendRedirect("/elsewhere")).isInstanceOf(IllegalStateException.class);
        assertThat(container.sentStatus()).isEqualTo(200);
    }

    @Test
    void theLocationOfACreatedResourceOnTheOwnOriginIsRelative() throws IOException {
        response.setStatus(201);
        response.setHeader("Location", "https://api.example/items/7");

        assertThat(finish().sentHeader("Location")).isEqualTo("/items/7");
    }

    @Test
    void anAddedLocationIsRewrittenLikeASetOne() throws IOException {
        response.addHeader("location", "https://API.EXAMPLE:443/items/8#top");

        assertThat(finish().sentHeaders("Location")).containsExactly("/items/8#top");
    }

    @Test
    void aLocationOnAnotherOriginIsLeftAsTheApplicationWroteIt() throws IOException {
        response.setHeader("Location", "https://cdn.example/items/7");
        response.addHeader("Location", "//api.example.evil/x");

        assertThat(finish().sentHeaders("Location"))
                .containsExactly("https://cdn.example/items/7", "//api.example.evil/x");
    }

    // ---- asynchronous requests: everything passes through ----

    @Test
    void afterPassThroughAnErrorBodyGoesOutAsWritten() throws IOException {
        response.passThrough();
        response.setStatus(500);
        response.setContentType("text/plain");
        response.getOutputStream().write(ascii("async failure"));
        response.flushBuffer();

        assertThat(response.needsProblem()).isFalse();
        assertThat(container.sentStatus()).isEqualTo(500);
        assertThat(container.sentBody()).isEqualTo("async failure");
        assertThat(container.sentHeader(ERROR_ONLY_HEADER)).isEqualTo("no-store");
        assertThat(hookRuns).containsExactly(500);
    }

    @Test
    void afterPassThroughSendErrorReachesTheContainerWithTheErrorsHeaders() throws IOException {
        response.passThrough();
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);

        assertThat(container.errorPageSent()).isTrue();
        assertThat(container.sentStatus()).isEqualTo(401);
        assertThat(container.sentHeader(ERROR_ONLY_HEADER)).isEqualTo("no-store");
        assertThat(hookRuns).containsExactly(401);
        assertThat(response.needsProblem()).isFalse();
    }

    /** A JAX-RS runtime's own marker parameter never reaches the client, whichever way the type is set. */
    @org.junit.jupiter.api.Test
    void theRuntimesInternalTypeParameterIsDropped() throws IOException {
        response.addHeader("content-type", "text/plain;RESTEASY-SERVER-HAS-PRODUCES=true");
        assertThat(container.getHeader("Content-Type")).isEqualTo("text/plain");
        response.setContentType("application/json;resteasy-server-has-produces=true");
        assertThat(container.getContentType()).isEqualTo("application/json");
        response.setHeader("Content-Type", "application/json;charset=UTF-8;resteasy-server-has-produces=true");
        assertThat(container.getContentType()).isEqualTo("application/json;charset=UTF-8");
        response.getWriter().write("{}");
        assertThat(finish().sentHeader("Content-Type")).isEqualTo("application/json;charset=UTF-8");
    }
}

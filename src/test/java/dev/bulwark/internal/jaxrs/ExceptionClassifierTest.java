package dev.bulwark.internal.jaxrs;

import dev.bulwark.internal.errors.Classification;
import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.errors.ProblemKind;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionClassifierTest {

    private final ExceptionClassifier classifier = new ExceptionClassifier();

    @Test
    void unexpectedExceptionsAreGeneric500s() {
        Classification c = classifier.classify(new IllegalStateException("select * from users where id=1",
                new SQLException("ORA-00942")));
        assertThat(c.status()).isEqualTo(500);
        assertThat(c.kind()).isEqualTo(ProblemKind.INTERNAL);
        assertThat(c.serverFault()).isTrue();
        assertThat(c.fieldErrors()).isEmpty();
    }

    @Test
    void webApplicationExceptionsKeepTheirStatusButNotTheirText() {
        assertThat(classifier.classify(new NotFoundException("no user 42")).kind()).isEqualTo(ProblemKind.NOT_FOUND);
        assertThat(classifier.classify(new NotSupportedException()).status()).isEqualTo(415);
        assertThat(classifier.classify(new WebApplicationException("conflict on row", 409)).kind())
                .isEqualTo(ProblemKind.CONFLICT);
        assertThat(classifier.classify(new WebApplicationException(503)).serverFault()).isTrue();
    }

    @Test
    void protocolHeadersOfTheOriginalResponseAreKept() {
        Classification allowed = classifier.classify(new NotAllowedException("GET", new String[] {"POST"}));
        assertThat(allowed.status()).isEqualTo(405);
        assertThat(allowed.keptHeaders()).containsKey("Allow");
        Classification unauthorized = classifier.classify(new NotAuthorizedException("Bearer realm=\"api\""));
        assertThat(unauthorized.keptHeaders().get("WWW-Authenticate")).containsExactly("Bearer realm=\"api\"");
        WebApplicationException withCookie = new WebApplicationException(jakarta.ws.rs.core.Response.status(400)
                .header("Set-Cookie", "s=1").header("X-Debug", "stack").build());
        assertThat(classifier.classify(withCookie).keptHeaders()).isEmpty();
    }

    @Test
    void unreadableJsonBodiesAreTheClientsFault() {
        Classification wrapped = classifier.classify(new BadRequestException(new JsonbException("Unexpected char")));
        assertThat(wrapped.kind()).isEqualTo(ProblemKind.MALFORMED_BODY);
        ProcessingException reading = readFrom(new ProcessingException(new JsonbException("bad")));
        assertThat(classifier.classify(reading).kind()).isEqualTo(ProblemKind.MALFORMED_BODY);
        assertThat(classifier.classify(reading).status()).isEqualTo(400);
        JsonbException raw = new JsonbException("Invalid token=EOF");
        raw.setStackTrace(new StackTraceElement[] {new StackTraceElement("y.Yasson", "deserialize", null, 1),
            new StackTraceElement("x.JsonBProvider", "readFrom", null, 1)});
        assertThat(classifier.classify(raw).kind()).isEqualTo(ProblemKind.MALFORMED_BODY);
    }

    @Test
    void aJsonFailureWhileWritingTheResponseIsTheServersFault() {
        ProcessingException writing = writeTo(new ProcessingException(new JsonbException("cannot serialize")));
        assertThat(classifier.classify(writing).status()).isEqualTo(500);
        assertThat(classifier.classify(new JsonbException("app code")).status()).isEqualTo(500);
    }

    private static ProcessingException readFrom(ProcessingException e) {
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("x.JsonbProvider", "readFrom", null, 1)});
        return e;
    }

    private static ProcessingException writeTo(ProcessingException e) {
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("x.JsonbProvider", "writeTo", null, 1),
            new StackTraceElement("x.Other", "readFrom", null, 1)});
        return e;
    }

    @Test
    void fieldErrorsAreSortedAndNeverCarryValues() {
        Classification c = classifier.classify(FakeViolations.exception(List.of(
                FakeViolations.bodyProperty("name", "must not be blank", "{jakarta.validation.constraints.NotBlank.message}"),
                FakeViolations.bodyProperty("email", "'secret@x' is not an email", "'${validatedValue}' is not an email"))));
        assertThat(c.status()).isEqualTo(400);
        assertThat(c.kind()).isEqualTo(ProblemKind.VALIDATION);
        assertThat(c.fieldErrors()).containsExactly(
                new Problem.FieldError("body", "email", ViolationPaths.GENERIC_MESSAGE),
                new Problem.FieldError("body", "name", "must not be blank"));
    }

    @Test
    void anInvalidReturnValueIsAServerError() {
        Classification c = classifier.classify(FakeViolations.exception(List.of(FakeViolations.returnValue())));
        assertThat(c.status()).isEqualTo(500);
        assertThat(c.fieldErrors()).isEmpty();
    }
}

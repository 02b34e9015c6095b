package dev.bulwark.internal.contract.jaxrs;

import dev.bulwark.internal.contract.OperationCheck;
import dev.bulwark.internal.contract.RequestView;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.validation.JsonBodyRules;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * Checks one request against its OpenAPI operation, after the JSON body checks (it reads the body they bounded and
 * copied, never the stream again) and before ownership checks and the resource. Values are read decoded, as the
 * resource's own parameters bind them.
 */
final class ContractFilter implements ContainerRequestFilter {

    private final OperationCheck check;

    ContractFilter(OperationCheck check) {
        this.check = check;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        check.check(new View(request));
    }

    /** The request as the check reads it. */
    private record View(ContainerRequestContext request) implements RequestView {

        @Override
        public String pathParameter(String name) {
            return request.getUriInfo().getPathParameters(true).getFirst(name);
        }

        @Override
        public Map<String, List<String>> queryParameters() {
            return request.getUriInfo().getQueryParameters(true);
        }

        @Override
        public List<String> header(String name) {
            return request.getHeaders().get(name);
        }

        @Override
        public String cookie(String name) {
            Cookie cookie = request.getCookies().get(name);
            return cookie == null ? null : cookie.getValue();
        }

        @Override
        public String contentType() {
            return request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        }

        @Override
        public boolean hasBody() {
            return request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null || request.getLength() > 0
                    || request.getHeaderString("Transfer-Encoding") != null || checkedJson() != null;
        }

        @Override
        public byte[] checkedJson() {
            RequestState state = RequestState.from(request::getProperty);
            return state == null ? null : state.get(JsonBodyRules.CHECKED_BODY);
        }
    }
}

package dev.bulwark.internal.jaxrs;

import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.auth.TokenRejected;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The JAX-RS side of the token policy. The servlet filter has already checked the presented token (see
 * {@code BearerAuthentication}); a resource may still be reached by a caller the container authenticated later,
 * by a token the servlet filter never saw. Such a token gets the whole policy here, and a caller whose token is
 * not the one Bulwark verified is refused with the same uniform 401.
 */
final class TokenPolicyFilter implements ContainerRequestFilter {

    /** What every refused token gets, on every runtime. */
    static final Map<String, String> CHALLENGE = Map.of(dev.bulwark.internal.auth.BearerChallenges.HEADER, dev.bulwark.internal.auth.BearerChallenges.INVALID_TOKEN);

    private final TokenGate gate;

    TokenPolicyFilter(TokenGate gate) {
        this.gate = gate;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        Principal principal = context.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken jwt)) {
            return;
        }
        RequestState state = RequestState.ensure(context::getProperty, context::setProperty);
        RawToken raw = state.get(TokenGate.VERIFIED);
        String token = jwt.getRawToken();
        if (raw != null) {
            if (!raw.compact().equals(token)) {
                throw refuse("the caller's token is not the one Bulwark verified");
            }
            return;
        }
        try {
            state.put(TokenGate.VERIFIED, gate.check(token));
        } catch (TokenRejected e) {
            throw refuse(e.getMessage());
        }
    }

    static ProblemException refuse(String reason) {
        return new ProblemException(Phase.TOKEN_POLICY, ProblemKind.UNAUTHORIZED, List.of(), "bearer token refused: "
                + reason, CHALLENGE);
    }
}

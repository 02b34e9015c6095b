package dev.bulwark.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The request a thread serves inside the servlet filter: set around the filter's work, nested, never kept. */
class ServedRequestsTest {

    @Test
    void aThreadServesNothingOutsideTheFilter() {
        assertThat(new ServedRequests().current()).isNull();
    }

    @Test
    void anErrorDispatchNestsAndTheOuterRequestComesBack() {
        ServedRequests served = new ServedRequests();
        RequestState request = new RequestState();
        RequestState errorPage = new RequestState();

        RequestState outer = served.enter(request);
        assertThat(outer).isNull();
        assertThat(served.current()).isSameAs(request);

        RequestState nested = served.enter(errorPage);
        assertThat(nested).isSameAs(request);
        assertThat(served.current()).isSameAs(errorPage);

        served.leave(nested);
        assertThat(served.current()).isSameAs(request);
        served.leave(outer);
        assertThat(served.current()).as("nothing stays on the thread for its next request").isNull();
    }

    @Test
    void anotherThreadSeesNoneOfThisThreadsRequest() throws Exception {
        ServedRequests served = new ServedRequests();
        RequestState outer = served.enter(new RequestState());
        try {
            assertThat(CompletableFuture.supplyAsync(served::current).get()).as("an asynchronous response's thread")
                    .isNull();
        } finally {
            served.leave(outer);
        }
    }

    @Test
    void eachDeploymentHasItsOwn() {
        ServedRequests a = new ServedRequests();
        ServedRequests b = new ServedRequests();
        RequestState outer = a.enter(new RequestState());
        try {
            assertThat(b.current()).isNull();
        } finally {
            a.leave(outer);
        }
    }
}

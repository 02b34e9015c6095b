package dev.bulwark.it;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;

/**
 * A servlet that has JAX-RS answer a path it cannot match (a 404, included into this response), then looks a guarded
 * dependent resource up as a bean and calls a resource method and a sub-resource locator of it: nothing JAX-RS left
 * behind (it never matched) lets either call through. Answers {@code read: refused, locate: refused} when both are
 * refused.
 */
@WebServlet("/servlet/after-jaxrs")
public class AfterJaxRsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        StringWriter ignored = new StringWriter();
        try {
            req.getRequestDispatcher("/api/no-such-resource").include(req,
                    new jakarta.servlet.http.HttpServletResponseWrapper(resp) {
                        @Override
                        public java.io.PrintWriter getWriter() {
                            return new java.io.PrintWriter(ignored);
                        }

                        @Override
                        public jakarta.servlet.ServletOutputStream getOutputStream() {
                            return new jakarta.servlet.ServletOutputStream() {
                                @Override
                                public boolean isReady() {
                                    return true;
                                }

                                @Override
                                public void setWriteListener(jakarta.servlet.WriteListener listener) {
                                }

                                @Override
                                public void write(int b) {
                                }
                            };
                        }
                    });
        } catch (RuntimeException | ServletException | IOException e) {
            // whatever JAX-RS made of the include, the call below is the point
        }
        DependentReportResource report = CDI.current().select(DependentReportResource.class).get();
        String outcome;
        try {
            outcome = "read: called " + report.read();
        } catch (RuntimeException e) {
            outcome = "read: refused";
        }
        try {
            outcome += ", locate: called " + report.locate();
        } catch (RuntimeException e) {
            outcome += ", locate: refused";
        }
        resp.setStatus(200);
        resp.setContentType("text/plain");
        resp.getWriter().write(outcome);
    }
}

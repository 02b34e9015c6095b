package dev.bulwark.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inventory endpoint answers 401 to a request without a caller, even when the container's authenticate()
 * reports success without one (Payara's MP-JWT mechanism does for a request that carries no token), and 403 only
 * to an authenticated caller without the role.
 */
class InventoryServletTest {

    private static List<Object> get(boolean authenticateSays, java.security.Principal principal) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                InventoryServletTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "authenticate" -> authenticateSays;
                    case "getUserPrincipal" -> principal;
                    case "isUserInRole" -> false;
                    default -> null;
                });
        List<Object> errors = new ArrayList<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                InventoryServletTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> {
                    if (m.getName().equals("sendError")) {
                        errors.add(a[0]);
                    }
                    return m.getName().equals("getStatus") ? 200 : null;
                });
        new InventoryServlet("{}", "bulwark-admin").doGet(request, response);
        return errors;
    }

    @Test
    void noCallerIs401WhateverAuthenticateReports() throws Exception {
        assertThat(get(true, null)).containsExactly(401);
        assertThat(get(false, null)).containsExactly(401);
    }

    @Test
    void aCallerWithoutTheRoleIs403() throws Exception {
        assertThat(get(true, () -> "alice")).containsExactly(403);
    }
}

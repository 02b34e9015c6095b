package dev.bulwark.internal.web;

import dev.bulwark.internal.inventory.ServerInventory;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Logs the second half of the start-up inventory ({@link ServerInventory}) once the web module is initialized, when
 * every servlet of the module is registered. Declared in META-INF/web-fragment.xml: only a declared listener may
 * read the servlet registrations. It does nothing unless {@link BulwarkInitializer} left it its facts (Bulwark
 * enabled, {@code bulwark.inventory.log=true}).
 */
public final class ServerInventoryListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger("dev.bulwark");

    /** Context attribute through which the initializer hands over what the listener needs. */
    static final String FACTS_ATTRIBUTE = "dev.bulwark.serverInventoryFacts";

    /** @param jaxrsServlets the servlet names of the module's JAX-RS applications (their class names) */
    record Facts(Set<String> jaxrsServlets, Map<String, String> bulwarkServlets) {
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (!(context.getAttribute(FACTS_ATTRIBUTE) instanceof Facts facts)) {
            return;
        }
        context.removeAttribute(FACTS_ATTRIBUTE);
        LOG.info(ServerInventory.table(ServerInventory.rows(context.getContextPath(), facts.jaxrsServlets(),
                facts.bulwarkServlets(), new ContainerEnvironment(context))));
    }

    /** What the servlet container, the class loader and (on Open Liberty) JMX tell about the server. */
    private record ContainerEnvironment(ServletContext context) implements ServerInventory.Environment {

        @Override
        public List<ServerInventory.Servlet> servlets() {
            List<ServerInventory.Servlet> servlets = new ArrayList<>();
            for (ServletRegistration r : context.getServletRegistrations().values()) {
                servlets.add(new ServerInventory.Servlet(r.getName(), String.valueOf(r.getClassName()),
                        r.getMappings()));
            }
            servlets.sort(java.util.Comparator.comparing(ServerInventory.Servlet::name));
            return servlets;
        }

        @Override
        public Set<String> staticEntries() {
            Set<String> paths = context.getResourcePaths("/");
            Set<String> entries = new HashSet<>(paths == null ? Set.of() : paths);
            entries.removeIf(p -> p.startsWith("/WEB-INF/") || p.startsWith("/META-INF/"));
            return entries;
        }

        @Override
        public ServerInventory.Visibility api(String className) {
            ClassLoader loader = context.getClassLoader();
            try {
                Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return ServerInventory.Visibility.NONE;
            }
            URL where = loader.getResource(className.replace('.', '/') + ".class");
            return where != null && where.toString().contains("/WEB-INF/") ? ServerInventory.Visibility.APPLICATION
                    : ServerInventory.Visibility.SERVER;
        }

        @Override
        public boolean servedHere(String contextRoot) {
            ServletContext other = context.getContext(contextRoot);
            return other != null && other != context && contextRoot.equals(other.getContextPath());
        }

        @Override
        public Optional<List<String>> applications() {
            return beans("WebSphere:service=com.ibm.websphere.application.ApplicationMBean,*",
                    (server, name) -> name.getKeyProperty("name"));
        }

        @Override
        public Optional<List<String>> listeners() {
            return beans("WebSphere:feature=channelfw,type=endpoint,*", (server, name) -> name.getKeyProperty("name")
                    + " " + server.getAttribute(name, "Host") + ":" + server.getAttribute(name, "Port"));
        }

        private interface Describe {
            String apply(MBeanServer server, ObjectName name) throws Exception;
        }

        /** Open Liberty publishes applications and endpoints as JMX beans; elsewhere there are none: empty. */
        private static Optional<List<String>> beans(String pattern, Describe describe) {
            try {
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                List<String> out = new ArrayList<>();
                for (ObjectName name : server.queryNames(new ObjectName(pattern), null)) {
                    out.add(describe.apply(server, name));
                }
                out.sort(null);
                return out.isEmpty() ? Optional.empty() : Optional.of(out);
            } catch (Exception | LinkageError e) {
                return Optional.empty();
            }
        }
    }
}

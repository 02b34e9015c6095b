package dev.bulwark.internal.cdi;

import dev.bulwark.api.SecurityAlert;
import dev.bulwark.internal.audit.AuditLog;
import dev.bulwark.internal.audit.EcsLine;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a detector's alert goes, on the audit writer's thread: the WARNING line in ECS (the audit log's destination,
 * else the {@value AuditLog#LOGGER_NAME} logger), the alert counter, the {@link SecurityAlert} CDI event to the
 * application's observers (an observer that fails is logged, never stops the log), and the webhook's queue.
 */
final class AlertPublisher implements Consumer<SecurityAlert> {

    private static final Logger LOG = Logger.getLogger("dev.bulwark");

    private final Supplier<AuditLog> log;
    private final Consumer<SecurityAlert> counter;
    private final BeanManager beans;
    private final Consumer<SecurityAlert> webhook;

    /**
     * @param log     the deployment's audit log (made after the detectors it feeds)
     * @param counter the alert counter, or null without MicroProfile Metrics
     * @param beans   the deployment's bean manager, or null: no CDI event
     * @param webhook the alert webhook (an offer to its queue, never a wait), or null
     */
    AlertPublisher(Supplier<AuditLog> log, Consumer<SecurityAlert> counter, BeanManager beans,
                   Consumer<SecurityAlert> webhook) {
        this.log = log;
        this.counter = counter;
        this.beans = beans;
        this.webhook = webhook;
    }

    @Override
    public void accept(SecurityAlert alert) {
        log.get().alert(EcsLine.of(alert));
        if (counter != null) {
            counter.accept(alert);
        }
        if (webhook != null) {
            webhook.accept(alert); // before the observers: an observer that is slow delays no POST
        }
        if (beans != null) {
            try {
                beans.getEvent().select(SecurityAlert.class).fire(alert);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Bulwark alerts: an observer of SecurityAlert failed: " + e);
            }
        }
    }
}

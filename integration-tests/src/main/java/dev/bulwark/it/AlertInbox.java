package dev.bulwark.it;

import dev.bulwark.api.SecurityAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/** What an application does with Bulwark's alerts: observes the CDI event (AuditIT reads them back). */
@ApplicationScoped
public class AlertInbox {

    private final List<SecurityAlert> received = new ArrayList<>();

    void on(@Observes SecurityAlert alert) {
        synchronized (received) {
            received.add(alert);
        }
    }

    List<SecurityAlert> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }
}

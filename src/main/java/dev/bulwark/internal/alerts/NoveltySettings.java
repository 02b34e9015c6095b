package dev.bulwark.internal.alerts;

import java.time.Duration;
import java.util.Set;

/**
 * The settings of the two novelty detectors ({@code bulwark.alerts.privileged-roles},
 * {@code bulwark.alerts.new-access.*}, {@code bulwark.alerts.admin-address.*}).
 *
 * @param privilegedRoles         the roles that make a call privileged: an endpoint's {@code @RolesAllowed} role the
 *                                caller used
 * @param newAccess               which routes the new-access detector watches
 * @param newAccessLearning       how long a subject's routes and roles are learnt before a new one alerts
 * @param newAccessMaxRoutes      the most routes (and, apart, roles) remembered per subject
 * @param newAccessWindow         at most one new-access alert per subject within this window
 * @param adminAddress            whether the admin-new-address detector runs
 * @param adminAddressMemory      how long an address a subject made a privileged call from stays known
 * @param adminAddressLearning    how long after a subject's first privileged call a new address starts to alert
 * @param adminAddressMaxAddresses the most addresses remembered per subject
 * @param adminAddressWindow      at most one admin-new-address alert per subject within this window
 */
public record NoveltySettings(Set<String> privilegedRoles, NewAccessScope newAccess, Duration newAccessLearning,
                              int newAccessMaxRoutes, Duration newAccessWindow, boolean adminAddress,
                              Duration adminAddressMemory, Duration adminAddressLearning,
                              int adminAddressMaxAddresses, Duration adminAddressWindow) {

    public NoveltySettings {
        privilegedRoles = Set.copyOf(privilegedRoles);
    }

    /** The routes the new-access detector watches. */
    public enum NewAccessScope {
        /** The routes a privileged role ({@code bulwark.alerts.privileged-roles}) was used for (the default). */
        PRIVILEGED,
        /** Every route: any route or role a subject never used. */
        ALL,
        /** None: the detector is off. */
        OFF
    }
}

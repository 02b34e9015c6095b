package dev.bulwark.internal.audit;

/**
 * The audit log's settings ({@code bulwark.audit.*}).
 *
 * @param enabled     whether every request leaves one access event
 * @param destination where the lines go
 * @param file        the file of {@link AuditDestination#FILE}, else null
 * @param queueSize   how many events may wait for the writer; beyond that they are dropped and counted
 * @param refusalMetrics whether refusals are counted in MicroProfile Metrics (when the server has it)
 */
public record AuditSettings(boolean enabled, AuditDestination destination, String file, int queueSize,
                            boolean refusalMetrics) {
}

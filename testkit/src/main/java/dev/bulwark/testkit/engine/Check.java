package dev.bulwark.testkit.engine;

/**
 * One family of tests the kit runs ({@code bola}, {@code jwt}, ...). A check sends its requests through the
 * context's probe, records each subject it tested ({@link ScanContext#tested}) and each finding
 * ({@link ScanContext#report}); it never throws for what the API answers (only the budget or an interrupt end it).
 */
public interface Check {

    /** The id used in settings, reports and rule ids ({@code bola}). */
    String id();

    /** One line for the summary and the JUnit suite name. */
    String title();

    void run(ScanContext context);
}

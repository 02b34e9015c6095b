package dev.bulwark.internal.alerts;

/** Distinct values per key: in memory ({@link DistinctCount}) or shared through Redis ({@link SharedWindows}). */
interface DistinctWindow {

    /** Notes {@code value} for {@code key} at {@code now}; true when it raises the alert. */
    boolean see(String key, String value, long now);
}

package dev.bulwark.internal.alerts;

/** A sliding count per key: in memory ({@link SlidingCount}) or shared through Redis ({@link SharedWindows}). */
interface CountWindow {

    /** Counts one hit of {@code key} at {@code now}; true when it raises the alert. */
    boolean hit(String key, long now);
}

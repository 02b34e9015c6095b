package dev.bulwark.internal.config;

import java.util.List;

/**
 * One concern's part of the configuration: the keys it owns and how it builds its immutable settings from them.
 * Checks that involve several of its keys belong in {@link #read}, reported through
 * {@link ConfigReader#problem} so that each problem names a key.
 *
 * @param <S> the concern's settings record
 */
public interface ConfigConcern<S> {

    /** Every key the concern reads, in the order docs/configuration.md lists them. */
    List<Key<?>> keys();

    /** The concern's settings; a bad value is recorded in the reader and the key's default is used instead. */
    S read(ConfigReader reader);
}

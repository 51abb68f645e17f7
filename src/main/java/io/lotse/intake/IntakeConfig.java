package io.lotse.intake;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Intake: who may deliver messages and how large they may be. */
@ConfigMapping(prefix = "lotse.intake")
public interface IntakeConfig {

    /** Bearer tokens accepted on /api/intake/** (comma-separated). None set means intake is closed. */
    Optional<List<String>> tokens();

    /** Largest raw e-mail accepted over HTTP; a larger one is answered 413 and nothing is stored. */
    @WithDefault("25M")
    MemorySize maxMessageBytes();
}

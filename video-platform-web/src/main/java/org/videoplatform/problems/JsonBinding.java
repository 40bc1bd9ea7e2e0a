package org.videoplatform.problems;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as the API uses it: a field the endpoint does not know is an error the client hears
 * about (usually a typo that would otherwise be silently dropped), not something ignored.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withDeserializers(new TextWithoutNul()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}

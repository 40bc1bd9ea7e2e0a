package org.videoplatform.problems;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * Yes-or-no parameters take true or false. JAX-RS reads them with Boolean.valueOf, for which
 * anything else, "1" and "yes" included, quietly means false; refused, the client hears which
 * parameter was wrong (WebApplicationExceptionMapper).
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != boolean.class && rawType != Boolean.class) {
            return null;
        }
        Boolean absent = rawType == boolean.class ? Boolean.FALSE : null;
        return (ParamConverter<T>) new ParamConverter<Boolean>() {
            @Override
            public Boolean fromString(String value) {
                if (value == null) {
                    return absent;
                }
                return switch (value.strip().toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("must be true or false");
                };
            }

            @Override
            public String toString(Boolean value) {
                return String.valueOf(value);
            }
        };
    }
}

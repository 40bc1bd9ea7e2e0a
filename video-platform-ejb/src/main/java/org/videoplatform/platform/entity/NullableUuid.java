package org.videoplatform.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For UUID columns that may be NULL: EclipseLink 4.0.9's own UUID conversion throws a
 * NullPointerException reading a NULL. Bound as text, which the datasource leaves untyped
 * (stringtype=unspecified), so PostgreSQL still stores a uuid.
 */
@Converter
public class NullableUuid implements AttributeConverter<UUID, String> {

    @Override
    public String convertToDatabaseColumn(UUID value) {
        return value == null ? null : value.toString();
    }

    @Override
    public UUID convertToEntityAttribute(String column) {
        return column == null ? null : UUID.fromString(column);
    }
}

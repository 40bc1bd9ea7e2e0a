package org.videoplatform.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For UUID columns that may be NULL: EclipseLink 4.0.9's own UUID conversion throws a
 * NullPointerException reading a NULL. Written as text, which the datasource leaves untyped
 * (stringtype=unspecified) so PostgreSQL still stores a uuid; read back as whatever the driver
 * returns for a uuid column (a UUID) or as text.
 */
@Converter
public class NullableUuid implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID value) {
        return value == null ? null : value.toString();
    }

    @Override
    public UUID convertToEntityAttribute(Object column) {
        if (column == null || column instanceof UUID) {
            return (UUID) column;
        }
        return UUID.fromString(column.toString());
    }
}

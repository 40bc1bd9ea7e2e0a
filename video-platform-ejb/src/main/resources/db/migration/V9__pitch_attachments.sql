-- Files attached to pitches; the bytes live in object storage under object_key (see org.videoplatform.pitches).
CREATE TABLE pitch_attachments (
    id           uuid        PRIMARY KEY,
    pitch_id     uuid        NOT NULL REFERENCES pitches (id),
    kind         text        NOT NULL,
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes > 0),
    object_key   text        NOT NULL UNIQUE,
    stored       boolean     NOT NULL DEFAULT FALSE,
    created_at   timestamptz NOT NULL
);

CREATE INDEX pitch_attachments_by_pitch ON pitch_attachments (pitch_id, created_at);

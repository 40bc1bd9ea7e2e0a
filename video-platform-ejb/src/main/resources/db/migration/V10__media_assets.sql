-- Uploaded video files (see org.videoplatform.media). The original's bytes live in object storage
-- under object_key and are never written again once the upload completes.
CREATE TABLE media_assets (
    id                  uuid        PRIMARY KEY,
    production_id       uuid        NOT NULL REFERENCES productions (id),
    uploaded_by         text        NOT NULL,
    original_name       text        NOT NULL,
    content_type        text        NOT NULL,
    size_bytes          bigint      NOT NULL CHECK (size_bytes > 0),
    part_size           bigint      NOT NULL CHECK (part_size > 0),
    object_key          text        NOT NULL UNIQUE,
    -- The store's id for the unfinished multipart upload; NULL once it is completed or aborted.
    multipart_upload_id text,
    state               text        NOT NULL,
    sha256              text,
    rejection           text,
    created_at          timestamptz NOT NULL,
    last_activity_at    timestamptz NOT NULL,
    completed_at        timestamptz,
    version             bigint      NOT NULL DEFAULT 0
);

CREATE INDEX media_assets_by_production ON media_assets (production_id, created_at);
CREATE INDEX media_assets_unfinished ON media_assets (last_activity_at) WHERE state = 'UPLOADING';

-- What the probe found in each completed upload (see org.videoplatform.media.control.MediaProbe).
ALTER TABLE media_assets
    ADD COLUMN container           text,
    ADD COLUMN video_codec         text,
    ADD COLUMN audio_codec         text,
    ADD COLUMN duration_micros     bigint,
    ADD COLUMN width               integer,
    ADD COLUMN height              integer,
    ADD COLUMN frame_rate          double precision,
    ADD COLUMN variable_frame_rate boolean,
    ADD COLUMN rotation            integer,
    ADD COLUMN pixel_format        text,
    ADD COLUMN bit_depth           integer,
    ADD COLUMN audio_channels      integer,
    ADD COLUMN sample_rate         integer,
    ADD COLUMN bit_rate            bigint,
    ADD COLUMN loudness_lufs       double precision,
    ADD COLUMN true_peak_dbtp      double precision;

-- One row per run of the transcoder over an asset; a re-run is a new row, so history stays.
CREATE TABLE transcode_jobs (
    id           uuid        PRIMARY KEY,
    asset_id     uuid        NOT NULL REFERENCES media_assets (id),
    state        text        NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    max_attempts integer     NOT NULL,
    progress     double precision NOT NULL DEFAULT 0,
    node         text,
    heartbeat_at timestamptz,
    not_before   timestamptz,
    error        text,
    requested_by text        NOT NULL,
    queued_at    timestamptz NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz,
    version      bigint      NOT NULL DEFAULT 0
);

CREATE INDEX transcode_jobs_by_asset ON transcode_jobs (asset_id, queued_at);
CREATE INDEX transcode_jobs_active ON transcode_jobs (state, queued_at) WHERE state IN ('QUEUED', 'RUNNING');

-- What a successful job published; rows appear only in the transaction that ends the job.
CREATE TABLE media_outputs (
    id           uuid        PRIMARY KEY,
    asset_id     uuid        NOT NULL REFERENCES media_assets (id),
    job_id       uuid        NOT NULL REFERENCES transcode_jobs (id),
    kind         text        NOT NULL,
    object_key   text        NOT NULL UNIQUE,
    content_type text        NOT NULL,
    width        integer,
    height       integer,
    size_bytes   bigint      NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE INDEX media_outputs_by_asset ON media_outputs (asset_id, kind);

-- Pitches and the productions they become (see org.videoplatform.pitches).
CREATE TABLE pitches (
    id                     uuid        PRIMARY KEY,
    owner_id               text        NOT NULL,
    owner_name             text        NOT NULL,
    title                  text        NOT NULL,
    logline                text,
    synopsis               text,
    goal                   text,
    audience               text,
    format                 text,
    planned_length_seconds integer,
    deadline               date,
    needs                  text,
    state                  text        NOT NULL,
    feedback               text,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    version                bigint      NOT NULL DEFAULT 0
);

CREATE INDEX pitches_by_owner ON pitches (owner_id, updated_at DESC);
CREATE INDEX pitches_by_state ON pitches (state, deadline);

CREATE TABLE pitch_platforms (
    pitch_id uuid NOT NULL REFERENCES pitches (id),
    platform text NOT NULL,
    PRIMARY KEY (pitch_id, platform)
);

CREATE TABLE productions (
    id         uuid        PRIMARY KEY,
    pitch_id   uuid        UNIQUE REFERENCES pitches (id),
    title      text        NOT NULL,
    owner_id   text        NOT NULL,
    owner_name text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX productions_by_owner ON productions (owner_id, created_at DESC);

-- Members invited onto a pitch's crew (see org.videoplatform.pitches).
CREATE TABLE pitch_collaborators (
    id         uuid        PRIMARY KEY,
    pitch_id   uuid        NOT NULL REFERENCES pitches (id),
    account_id text        NOT NULL,
    name       text        NOT NULL,
    invited_by text        NOT NULL,
    invited_at timestamptz NOT NULL,
    UNIQUE (pitch_id, account_id)
);

CREATE INDEX pitch_collaborators_by_account ON pitch_collaborators (account_id);

-- The discussion thread of each pitch (see org.videoplatform.pitches).
CREATE TABLE pitch_comments (
    id          uuid        PRIMARY KEY,
    pitch_id    uuid        NOT NULL REFERENCES pitches (id),
    author_id   text        NOT NULL,
    author_name text        NOT NULL,
    body        text        NOT NULL,
    posted_at   timestamptz NOT NULL
);

CREATE INDEX pitch_comments_by_pitch ON pitch_comments (pitch_id, posted_at);

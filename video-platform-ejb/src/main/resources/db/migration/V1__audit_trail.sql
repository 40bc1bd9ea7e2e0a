-- The append-only trail of decisions (see org.videoplatform.audit).
CREATE TABLE audit_entries (
    id           uuid        PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    actor_id     text        NOT NULL,
    actor_name   text        NOT NULL,
    action       text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   text        NOT NULL,
    reason       text
);

CREATE INDEX audit_entries_newest_first ON audit_entries (occurred_at DESC);
CREATE INDEX audit_entries_by_subject ON audit_entries (subject_type, subject_id);

-- Vetted members and the vetting decisions behind them (see org.videoplatform.members).
CREATE TABLE members (
    id               uuid        PRIMARY KEY,
    email            text        NOT NULL UNIQUE,
    full_name        text        NOT NULL,
    keycloak_user_id text        UNIQUE,
    roster_entry_id  uuid        REFERENCES roster_entries (id),
    state            text        NOT NULL,
    vetted_at        timestamptz NOT NULL,
    version          bigint      NOT NULL DEFAULT 0
);

CREATE TABLE vettings (
    id              uuid        PRIMARY KEY,
    attendee_id     uuid        NOT NULL REFERENCES workshop_attendees (id),
    email           text        NOT NULL,
    outcome         text        NOT NULL,
    reason          text,
    roster_entry_id uuid        REFERENCES roster_entries (id),
    decided_by      text        NOT NULL,
    decided_at      timestamptz NOT NULL,
    CHECK (outcome <> 'DECLINED' OR reason IS NOT NULL)
);

CREATE INDEX vettings_by_email ON vettings (email, decided_at DESC);
CREATE INDEX vettings_by_attendee ON vettings (attendee_id, decided_at DESC);

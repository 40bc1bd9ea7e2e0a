-- The membership roster as admins import it (see org.videoplatform.members).
CREATE TABLE roster_entries (
    id                uuid        PRIMARY KEY,
    membership_number text        NOT NULL UNIQUE,
    full_name         text        NOT NULL,
    email             text,
    postcode          text,
    status            text        NOT NULL,
    first_imported_at timestamptz NOT NULL,
    last_changed_at   timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0
);

CREATE INDEX roster_entries_by_email ON roster_entries (lower(email));

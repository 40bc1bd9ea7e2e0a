-- Workshops and the people registered for them (see org.videoplatform.members).
CREATE TABLE workshops (
    id         uuid        PRIMARY KEY,
    title      text        NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL CHECK (ends_at > starts_at),
    venue      text        NOT NULL,
    city       text        NOT NULL,
    capacity   integer     NOT NULL CHECK (capacity > 0),
    trainers   text        NOT NULL,
    created_by text        NOT NULL,
    version    bigint      NOT NULL DEFAULT 0
);

CREATE TABLE workshop_attendees (
    id                uuid        PRIMARY KEY,
    workshop_id       uuid        NOT NULL REFERENCES workshops (id),
    full_name         text        NOT NULL,
    email             text        NOT NULL,
    membership_number text,
    phone             text,
    state             text        NOT NULL,
    registered_at     timestamptz NOT NULL,
    checked_in_at     timestamptz,
    version           bigint      NOT NULL DEFAULT 0
);

CREATE INDEX workshop_attendees_by_workshop ON workshop_attendees (workshop_id, registered_at);

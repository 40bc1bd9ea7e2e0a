-- The pre-release checklist (see org.videoplatform.review.boundary.Checklists): items admins
-- configure, and per production the imprint, the documents and the ticks that satisfy them.
CREATE TABLE checklist_items (
    id         uuid        PRIMARY KEY,
    kind       text        NOT NULL,
    title      text        NOT NULL,
    guidance   text,
    required   boolean     NOT NULL,
    position   integer     NOT NULL,
    retired_at timestamptz,
    created_at timestamptz NOT NULL,
    version    bigint      NOT NULL DEFAULT 0
);

INSERT INTO checklist_items (id, kind, title, guidance, required, position, created_at) VALUES
    ('6f1c2a40-0d7e-4a51-9b0e-1a3c5e7f9a01', 'IMPRINT', 'Digital imprint',
     'Who promoted the video and on whose behalf, with their addresses, as UK digital imprint rules require.', true, 1, now()),
    ('6f1c2a40-0d7e-4a51-9b0e-1a3c5e7f9a02', 'CONSENT', 'Consent and release forms',
     'A signed form on file for every identifiable person, or a lead''s confirmation that nobody can be identified.', true, 2, now()),
    ('6f1c2a40-0d7e-4a51-9b0e-1a3c5e7f9a03', 'MANUAL', 'Music and footage rights cleared',
     'Every piece of music and borrowed footage is licensed or the campaign''s own.', true, 3, now()),
    ('6f1c2a40-0d7e-4a51-9b0e-1a3c5e7f9a04', 'CAPTIONS', 'Captions',
     'An SRT or WebVTT file whose cues fit within the cut.', true, 4, now()),
    ('6f1c2a40-0d7e-4a51-9b0e-1a3c5e7f9a05', 'MANUAL', 'No member''s personal data visible',
     'No names, addresses, phone numbers, emails or membership lists can be read anywhere in the picture.', true, 5, now());

CREATE TABLE production_imprints (
    production_id     uuid        PRIMARY KEY REFERENCES productions (id),
    promoter          text        NOT NULL,
    promoter_address  text        NOT NULL,
    on_behalf_of      text,
    on_behalf_address text,
    updated_by        text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0
);

CREATE TABLE production_documents (
    id            uuid        PRIMARY KEY,
    production_id uuid        NOT NULL REFERENCES productions (id),
    kind          text        NOT NULL,
    file_name     text        NOT NULL,
    content_type  text        NOT NULL,
    size_bytes    bigint      NOT NULL,
    object_key    text        NOT NULL,
    cue_count     integer,
    cues_end_micros bigint,
    uploaded_by   text        NOT NULL,
    uploaded_at   timestamptz NOT NULL
);

CREATE INDEX production_documents_of_production ON production_documents (production_id, kind, uploaded_at);

CREATE TABLE checklist_ticks (
    id             uuid        PRIMARY KEY,
    production_id  uuid        NOT NULL REFERENCES productions (id),
    item_id        uuid        NOT NULL REFERENCES checklist_items (id),
    ticked_by      text        NOT NULL,
    ticked_by_name text        NOT NULL,
    ticked_at      timestamptz NOT NULL,
    CONSTRAINT one_tick_per_item UNIQUE (production_id, item_id)
);

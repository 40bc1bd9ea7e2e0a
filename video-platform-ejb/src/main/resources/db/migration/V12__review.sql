-- Review and approval (see org.videoplatform.review): one state machine on each production, cuts
-- numbered when submitted, the decisions taken on them, timecoded comments and notifications.
ALTER TABLE productions
    ADD COLUMN review_state   text        NOT NULL DEFAULT 'IN_PRODUCTION',
    ADD COLUMN cut_in_review  uuid,
    ADD COLUMN submitted_at   timestamptz,
    ADD COLUMN version        bigint      NOT NULL DEFAULT 0;

CREATE INDEX productions_waiting_for_review ON productions (review_state, submitted_at);

ALTER TABLE media_assets
    ADD COLUMN cut_number   integer,
    ADD COLUMN submitted_at timestamptz,
    ADD COLUMN approved_at  timestamptz,
    ADD CONSTRAINT one_number_per_cut UNIQUE (production_id, cut_number);

ALTER TABLE productions
    ADD CONSTRAINT cut_in_review_is_a_cut FOREIGN KEY (cut_in_review) REFERENCES media_assets (id);

CREATE TABLE review_events (
    id            uuid        PRIMARY KEY,
    production_id uuid        NOT NULL REFERENCES productions (id),
    cut_id        uuid        REFERENCES media_assets (id),
    action        text        NOT NULL,
    summary       text,
    actor_id      text        NOT NULL,
    actor_name    text        NOT NULL,
    taken_at      timestamptz NOT NULL
);

CREATE INDEX review_events_of_production ON review_events (production_id, taken_at);

CREATE TABLE review_comments (
    id          uuid        PRIMARY KEY,
    cut_id      uuid        NOT NULL REFERENCES media_assets (id),
    thread_id   uuid        REFERENCES review_comments (id),
    author_id   text        NOT NULL,
    author_name text        NOT NULL,
    body        text        NOT NULL,
    frame       integer,
    end_frame   integer,
    drawing     text,
    resolved_at timestamptz,
    resolved_by text,
    created_at  timestamptz NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT range_runs_forward CHECK (end_frame IS NULL OR end_frame >= frame)
);

CREATE INDEX review_comments_of_cut ON review_comments (cut_id, frame, created_at);

CREATE TABLE review_mentions (
    comment_id uuid NOT NULL REFERENCES review_comments (id),
    account_id text NOT NULL,
    name       text NOT NULL,
    PRIMARY KEY (comment_id, account_id)
);

CREATE TABLE notifications (
    id            uuid        PRIMARY KEY,
    recipient_id  text        NOT NULL,
    production_id uuid        NOT NULL REFERENCES productions (id),
    message       text        NOT NULL,
    created_at    timestamptz NOT NULL,
    read_at       timestamptz
);

CREATE INDEX notifications_of_recipient ON notifications (recipient_id, created_at DESC);

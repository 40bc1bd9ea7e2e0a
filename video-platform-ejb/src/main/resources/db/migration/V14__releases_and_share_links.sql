-- Releases and tracked share links (see org.videoplatform.releases).
CREATE TABLE releases (
    id               uuid        PRIMARY KEY,
    production_id    uuid        NOT NULL UNIQUE REFERENCES productions (id),
    cut_id           uuid        NOT NULL REFERENCES media_assets (id),
    released_by      text        NOT NULL,
    released_by_name text        NOT NULL,
    released_at      timestamptz NOT NULL
);

CREATE TABLE platform_posts (
    id          uuid        PRIMARY KEY,
    release_id  uuid        NOT NULL REFERENCES releases (id),
    platform    text        NOT NULL,
    url         text,
    post_id     text,
    posted_at   timestamptz NOT NULL,
    caption     text,
    rendition   text        NOT NULL,
    recorded_by text        NOT NULL,
    CONSTRAINT post_is_found_by_url_or_id CHECK (url IS NOT NULL OR post_id IS NOT NULL)
);

CREATE INDEX platform_posts_of_release ON platform_posts (release_id, posted_at);

-- A link someone passes on. A link made from another's landing page hangs under it, so forwards
-- form a tree; depth counts from the campaign's own links at 0. Without a target the link leads to
-- the video's landing page, where whoever followed it can make their own.
CREATE TABLE share_links (
    code        text        PRIMARY KEY,
    release_id  uuid        NOT NULL REFERENCES releases (id),
    parent_code text        REFERENCES share_links (code),
    depth       integer     NOT NULL,
    channel     text        NOT NULL,
    member_id   uuid,
    member_name text,
    target_url  text,
    created_by  text,
    created_at  timestamptz NOT NULL
);

CREATE INDEX share_links_of_release ON share_links (release_id, depth);
CREATE INDEX share_links_by_parent ON share_links (parent_code);

-- Clicks per link and day. Visitors are counted by a hash of who they are salted with the day's
-- salt, which is thrown away when the day ends: nothing here leads back to a person.
CREATE TABLE share_link_days (
    code    text    NOT NULL REFERENCES share_links (code),
    day     date    NOT NULL,
    clicks  bigint  NOT NULL,
    PRIMARY KEY (code, day)
);

CREATE TABLE share_link_visitors (
    code    text    NOT NULL REFERENCES share_links (code),
    day     date    NOT NULL,
    visitor bytea   NOT NULL,
    PRIMARY KEY (code, day, visitor)
);

CREATE TABLE visitor_salts (
    day  date  PRIMARY KEY,
    salt bytea NOT NULL
);

-- Click log segments already folded into the tables above, so a fold repeated after a crash
-- counts nothing twice.
CREATE TABLE folded_click_segments (
    name      text        PRIMARY KEY,
    node      text        NOT NULL,
    clicks    bigint      NOT NULL,
    folded_at timestamptz NOT NULL
);

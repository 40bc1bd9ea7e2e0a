-- Members describe themselves for the directory (see org.videoplatform.members).
ALTER TABLE members
    ADD COLUMN display_name text,
    ADD COLUMN region       text,
    ADD COLUMN availability text;

CREATE INDEX members_by_region ON members (lower(region));

CREATE TABLE member_skills (
    member_id uuid NOT NULL REFERENCES members (id),
    skill     text NOT NULL,
    PRIMARY KEY (member_id, skill)
);

CREATE INDEX member_skills_by_skill ON member_skills (skill);

CREATE TABLE member_portfolio_links (
    member_id uuid    NOT NULL REFERENCES members (id),
    position  integer NOT NULL,
    url       text    NOT NULL,
    PRIMARY KEY (member_id, position)
);

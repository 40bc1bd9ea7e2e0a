-- How each platform post performed, day by day (see org.videoplatform.performance).
-- A column is null where no import has given it: YouTube Studio exports one metric per file, and
-- no Meta export splits followers from the rest. Null is "not known", never zero.
-- No foreign key to platform_posts: checking it row by row doubled the time of a million-row
-- import. Rows come only from the importer, which writes the posts it found in platform_posts in
-- the same transaction, and posts are never deleted.
CREATE TABLE post_metrics (
    post_id             uuid             NOT NULL,
    day                 date             NOT NULL,
    views               bigint,
    unique_viewers      bigint,
    watch_seconds       double precision,
    avg_view_seconds    double precision,
    completion_percent  double precision,
    shares              bigint,
    reactions           bigint,
    comments            bigint,
    follower_views      bigint,
    non_follower_views  bigint,
    PRIMARY KEY (post_id, day)
);

-- Lifetime totals as a platform exported them (Meta's "Lifetime" rows), by the day of the export.
-- The figures of each export day in post_metrics are the difference from the export before.
CREATE TABLE post_lifetime_totals (
    post_id             uuid             NOT NULL,
    as_of               date             NOT NULL,
    views               bigint,
    unique_viewers      bigint,
    watch_seconds       double precision,
    avg_view_seconds    double precision,
    completion_percent  double precision,
    shares              bigint,
    reactions           bigint,
    comments            bigint,
    follower_views      bigint,
    non_follower_views  bigint,
    PRIMARY KEY (post_id, as_of)
);

-- Each post's sums over all its days, rebuilt for the posts an import touched, so pages across a
-- thousand videos read a row per post rather than a year of days for each.
CREATE TABLE post_metric_totals (
    post_id             uuid             PRIMARY KEY REFERENCES platform_posts (id),
    days                integer          NOT NULL,
    first_day           date             NOT NULL,
    last_day            date             NOT NULL,
    views               bigint,
    unique_viewers_peak bigint,
    watch_seconds       double precision,
    completion_percent  double precision,
    shares              bigint,
    reactions           bigint,
    comments            bigint,
    follower_views      bigint,
    non_follower_views  bigint
);


-- Each visitor of a link costs a row a day while the day's visitors are being told apart. Once a
-- day can get no more, its rows become this one number (VisitorCounts), so the table of hashes
-- holds only the last few days instead of growing with every visitor for ever.
ALTER TABLE share_link_days ADD COLUMN visitors bigint NOT NULL DEFAULT 0;

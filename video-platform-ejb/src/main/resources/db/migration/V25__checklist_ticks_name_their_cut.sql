-- A lead's tick vouches for what they looked at: the cut in review when they ticked. A later cut
-- may add music or show a face, so its items are checked again. Ticks given before this change are
-- taken as given on the cut in review now, the one they were most likely given on.
ALTER TABLE checklist_ticks ADD COLUMN cut_id uuid REFERENCES media_assets (id);
UPDATE checklist_ticks t SET cut_id = p.cut_in_review FROM productions p WHERE p.id = t.production_id;

-- A rerun's outputs replace the earlier ones at once, but review players and download links handed
-- out before may still point at the earlier files. Those files are deleted once this time has
-- passed (ReplacedOutputs); null when no files of earlier runs are waiting to go.
ALTER TABLE media_assets ADD COLUMN earlier_runs_expire_at timestamptz;
CREATE INDEX media_assets_earlier_runs_due ON media_assets (earlier_runs_expire_at) WHERE earlier_runs_expire_at IS NOT NULL;

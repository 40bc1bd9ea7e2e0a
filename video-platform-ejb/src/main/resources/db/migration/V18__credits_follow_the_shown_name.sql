-- Members are credited by the name they are shown by (Member.displayName): the one they chose, else
-- their first name and the initial of their last. Until now what they made carried the name of
-- their account, which is the roster's full name, so another producer on a crew read it even when
-- the member had chosen to be shown by another. The copies below are rewritten whenever that name
-- changes or the member is erased (CreditChanged); this brings the copies made so far in line.

-- Who last resolved a comment, saved an imprint, uploaded a document, recorded a post, cancelled a
-- transcoding job or sent a notification was kept by name alone, so a later change of name or an erasure could not find them.
ALTER TABLE review_comments ADD COLUMN resolved_by_id text;
ALTER TABLE production_imprints ADD COLUMN updated_by_id text;
ALTER TABLE production_documents ADD COLUMN uploaded_by_id text;
ALTER TABLE platform_posts ADD COLUMN recorded_by_id text;
ALTER TABLE transcode_jobs ADD COLUMN cancelled_by_id text;
-- A notification's message starts with its sender's name, as they were credited then.
ALTER TABLE notifications ADD COLUMN sender_id text;
ALTER TABLE notifications ADD COLUMN sender_name text;

-- The same rule as Member.displayName, kept beside the data so that this migration and the test of
-- it share one definition.
CREATE FUNCTION member_credit(full_name text, display_name text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
        SELECT CASE
            WHEN display_name IS NOT NULL THEN display_name
            WHEN cardinality(names) = 1 THEN names[1]
            ELSE names[1] || ' ' || left(names[cardinality(names)], 1) || '.'
        END
        FROM regexp_split_to_array(regexp_replace(full_name, '^\s+|\s+$', '', 'g'), '\s+') AS names
    $$;

-- Rows from before kept whoever acted by their account's name, a member's roster full name: they
-- are found by that name where only one member has it.
UPDATE review_comments t SET resolved_by_id = m.keycloak_user_id FROM members m WHERE t.resolved_by_id IS NULL AND t.resolved_by = m.full_name AND m.keycloak_user_id IS NOT NULL AND (SELECT count(*) FROM members o WHERE o.full_name = m.full_name) = 1;
UPDATE production_imprints t SET updated_by_id = m.keycloak_user_id FROM members m WHERE t.updated_by_id IS NULL AND t.updated_by = m.full_name AND m.keycloak_user_id IS NOT NULL AND (SELECT count(*) FROM members o WHERE o.full_name = m.full_name) = 1;
UPDATE production_documents t SET uploaded_by_id = m.keycloak_user_id FROM members m WHERE t.uploaded_by_id IS NULL AND t.uploaded_by = m.full_name AND m.keycloak_user_id IS NOT NULL AND (SELECT count(*) FROM members o WHERE o.full_name = m.full_name) = 1;
UPDATE platform_posts t SET recorded_by_id = m.keycloak_user_id FROM members m WHERE t.recorded_by_id IS NULL AND t.recorded_by = m.full_name AND m.keycloak_user_id IS NOT NULL AND (SELECT count(*) FROM members o WHERE o.full_name = m.full_name) = 1;
UPDATE transcode_jobs t SET cancelled_by_id = m.keycloak_user_id FROM members m WHERE t.cancelled_by_id IS NULL AND t.state = 'CANCELLED' AND t.error = 'Cancelled by ' || m.full_name AND m.keycloak_user_id IS NOT NULL AND (SELECT count(*) FROM members o WHERE o.full_name = m.full_name) = 1;
UPDATE notifications t SET sender_id = m.keycloak_user_id, sender_name = m.full_name FROM members m WHERE t.sender_id IS NULL AND starts_with(t.message, m.full_name || ' mentioned you on ') AND m.keycloak_user_id IS NOT NULL AND (SELECT count(*) FROM members o WHERE o.full_name = m.full_name) = 1;

UPDATE pitches t SET owner_name = member_credit(m.full_name, m.display_name) FROM members m WHERE t.owner_id = m.keycloak_user_id;
UPDATE productions t SET owner_name = member_credit(m.full_name, m.display_name) FROM members m WHERE t.owner_id = m.keycloak_user_id;
UPDATE pitch_comments t SET author_name = member_credit(m.full_name, m.display_name) FROM members m WHERE t.author_id = m.keycloak_user_id;
UPDATE pitch_collaborators t SET name = member_credit(m.full_name, m.display_name) FROM members m WHERE t.account_id = m.keycloak_user_id;
UPDATE review_comments t SET author_name = member_credit(m.full_name, m.display_name) FROM members m WHERE t.author_id = m.keycloak_user_id;
UPDATE review_mentions t SET name = member_credit(m.full_name, m.display_name) FROM members m WHERE t.account_id = m.keycloak_user_id;
UPDATE review_events t SET actor_name = member_credit(m.full_name, m.display_name) FROM members m WHERE t.actor_id = m.keycloak_user_id;
UPDATE checklist_ticks t SET ticked_by_name = member_credit(m.full_name, m.display_name) FROM members m WHERE t.ticked_by = m.keycloak_user_id;
UPDATE releases t SET released_by_name = member_credit(m.full_name, m.display_name) FROM members m WHERE t.released_by = m.keycloak_user_id;
UPDATE share_links t SET member_name = member_credit(m.full_name, m.display_name) FROM members m WHERE t.member_id = m.id;
UPDATE review_comments t SET resolved_by = member_credit(m.full_name, m.display_name) FROM members m WHERE t.resolved_by_id = m.keycloak_user_id;
UPDATE production_imprints t SET updated_by = member_credit(m.full_name, m.display_name) FROM members m WHERE t.updated_by_id = m.keycloak_user_id;
UPDATE production_documents t SET uploaded_by = member_credit(m.full_name, m.display_name) FROM members m WHERE t.uploaded_by_id = m.keycloak_user_id;
UPDATE notifications t SET message = member_credit(m.full_name, m.display_name) || substr(t.message, char_length(t.sender_name) + 1), sender_name = member_credit(m.full_name, m.display_name) FROM members m WHERE t.sender_id = m.keycloak_user_id;
UPDATE platform_posts t SET recorded_by = member_credit(m.full_name, m.display_name) FROM members m WHERE t.recorded_by_id = m.keycloak_user_id;
UPDATE transcode_jobs t SET error = 'Cancelled by ' || member_credit(m.full_name, m.display_name) FROM members m WHERE t.cancelled_by_id = m.keycloak_user_id;

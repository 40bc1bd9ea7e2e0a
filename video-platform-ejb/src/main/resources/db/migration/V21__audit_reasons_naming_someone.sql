-- A crew invitation's reason is the invited member's shown name. The account whose name a reason
-- is stands beside it, so that erasing that person replaces the name as it replaces them as actor.
ALTER TABLE audit_entries ADD COLUMN named_account text;

-- Earlier invitations: the crew place on the same pitch that still carries the name...
UPDATE audit_entries a
   SET named_account = c.account_id
  FROM pitch_collaborators c
 WHERE a.action = 'pitch.crew-invited' AND a.subject_type = 'pitch'
   AND c.pitch_id::text = a.subject_id AND c.name = a.reason;

-- ...or, for a member who has changed their name since, the one place that the same person made
-- on the same pitch within the same second.
UPDATE audit_entries a
   SET named_account = (SELECT c.account_id FROM pitch_collaborators c
                         WHERE c.pitch_id::text = a.subject_id AND c.invited_by = a.actor_id
                           AND abs(extract(epoch FROM c.invited_at - a.occurred_at)) < 1)
 WHERE a.action = 'pitch.crew-invited' AND a.subject_type = 'pitch' AND a.named_account IS NULL
   AND (SELECT count(*) FROM pitch_collaborators c
         WHERE c.pitch_id::text = a.subject_id AND c.invited_by = a.actor_id
           AND abs(extract(epoch FROM c.invited_at - a.occurred_at)) < 1) = 1;

-- Members erased before now: their erasure replaced them as actor only, and their crew places
-- carry "Former member", so the invitations found above by time still hold their name.
UPDATE audit_entries a
   SET reason = 'erased-' || m.id, named_account = 'erased-' || m.id
  FROM members m
 WHERE m.state = 'ERASED' AND a.named_account = m.keycloak_user_id;

CREATE INDEX audit_entries_by_named_account ON audit_entries (named_account) WHERE named_account IS NOT NULL;

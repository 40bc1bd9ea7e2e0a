-- Whether a name is taken is asked at every vetting and at every profile save of a member who has
-- not chosen a name, once for each number tried ("Sam S. 2", "Sam S. 3"), inside locks a lead at
-- the door waits on. Without an index each asking reads every member through two functions.
-- The expression is ShownNames.takenByAnother's, character for character, or the planner cannot
-- use it. A migration that replaces search_fold or member_credit must REINDEX this index.
CREATE INDEX members_by_shown_name
    ON members (search_fold(regexp_replace(member_credit(full_name, display_name), '\s+', ' ', 'g')));

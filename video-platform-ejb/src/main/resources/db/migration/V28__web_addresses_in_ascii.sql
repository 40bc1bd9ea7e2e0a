-- Post addresses and share-link targets are kept as browsers send them, with every letter beyond
-- ASCII escaped as its UTF-8 bytes (%D0%9A for К), as java.net.URI.toASCIIString() writes them.
-- A redirect's Location header carries one byte per character, and addresses are compared as text
-- (duplicate posts, a link's post, a post with links to it), so the ones stored before are
-- rewritten the same way. Nothing else in them changes.
CREATE FUNCTION pg_temp.escaped(address text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(CASE WHEN c ~ '^[\x01-\x7F]$' THEN c
                           ELSE upper(regexp_replace(encode(convert_to(c, 'UTF8'), 'hex'), '(..)', '%\1', 'g')) END,
                      '' ORDER BY n)
    FROM regexp_split_to_table(address, '') WITH ORDINALITY AS t(c, n)
$$;

UPDATE platform_posts SET url = pg_temp.escaped(url) WHERE url ~ '[^\x01-\x7F]';
UPDATE share_links SET target_url = pg_temp.escaped(target_url) WHERE target_url ~ '[^\x01-\x7F]';

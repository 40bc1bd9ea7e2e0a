-- Post addresses and share-link targets are kept as browsers send them, with every letter beyond
-- ASCII escaped as its UTF-8 bytes (%D0%9A for К), as java.net.URI.toASCIIString() writes them.
-- A redirect's Location header carries one byte per character, and addresses are compared as text
-- (duplicate posts, a link's post, a post with links to it), so the ones stored before are
-- rewritten the same way. Nothing else in them changes.
UPDATE platform_posts p
SET url = e.escaped
FROM (SELECT id, string_agg(CASE WHEN c ~ '^[\x01-\x7F]$' THEN c
                                 ELSE upper(regexp_replace(encode(convert_to(c, 'UTF8'), 'hex'), '(..)', '%\1', 'g')) END,
                            '' ORDER BY n) AS escaped
      FROM platform_posts, regexp_split_to_table(url, '') WITH ORDINALITY AS t(c, n)
      WHERE url ~ '[^\x01-\x7F]'
      GROUP BY id) e
WHERE p.id = e.id;

UPDATE share_links l
SET target_url = e.escaped
FROM (SELECT code, string_agg(CASE WHEN c ~ '^[\x01-\x7F]$' THEN c
                                   ELSE upper(regexp_replace(encode(convert_to(c, 'UTF8'), 'hex'), '(..)', '%\1', 'g')) END,
                              '' ORDER BY n) AS escaped
      FROM share_links, regexp_split_to_table(target_url, '') WITH ORDINALITY AS t(c, n)
      WHERE target_url ~ '[^\x01-\x7F]'
      GROUP BY code) e
WHERE l.code = e.code;

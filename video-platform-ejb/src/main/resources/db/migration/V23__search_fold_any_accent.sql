-- search_fold folded a list of 62 accented letters, which missed ľ, ķ, ŕ and the like, and names
-- stored taken apart, their accents characters of their own as some phones write them. Letters
-- are now taken apart into their base and their marks, and the marks dropped, so every accented
-- Latin letter folds; ł, đ, ø and ı are letters of their own, with no mark to drop.
CREATE OR REPLACE FUNCTION search_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
    AS $$ SELECT translate(lower(regexp_replace(normalize(value, NFD), '[\u0300-\u036f]', '', 'g')), 'łđøıŁĐØ', 'ldoildo') $$;

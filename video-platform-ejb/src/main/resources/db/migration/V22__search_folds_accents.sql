-- Names are searched and matched with their accents folded, as a lead types them: "jose" finds
-- José, "nunez" finds Núñez. Queries fold the stored value and the typed term through this one
-- function, so both sides fold the same letters. It replaces a translate() whose two lists had
-- drifted apart by a letter, which folded ñ to c and š to r.
CREATE FUNCTION search_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
    AS $$ SELECT translate(lower(value), 'áàâäãåāăąćčçďđéèêëēěęėğíìîïīıįłñńňóòôöõøōőřšśşșťțúùûüūůűųýÿžźż', 'aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooorssssttuuuuuuuuyyzzz') $$;

-- The PostgreSQL journal's own functions (store/pg_schema.py says why): `db init` runs this file whole, every
-- time, so a new version's functions replace the old ones. Each pins its search_path and names every table
-- with its schema. `pilkada__field(x)` in the hash: x's UTF-8 bytes behind their length, '~' for none
-- (store/chain.py).

-- the tick of an earlier version, before signed candidates (an overload would stay callable beside the new one)
DROP FUNCTION IF EXISTS public.pilkada_tick(text, text[], text[], double precision[], boolean, text, text, timestamptz,
                                            text[], text[]);

CREATE OR REPLACE FUNCTION public.pilkada__field(t text) RETURNS bytea
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN t IS NULL THEN '\x7e'::bytea
                ELSE convert_to(octet_length(convert_to(t, 'UTF8'))::text || ':', 'UTF8') || convert_to(t, 'UTF8')
           END
$$;

CREATE OR REPLACE FUNCTION public.pilkada__stamp(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
$$;

-- chain.link: the previous hash, a newline, then every field of the event.
CREATE OR REPLACE FUNCTION public.pilkada__link(previous text, e public.pilkada_events) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT encode(sha256(convert_to(previous, 'UTF8') || '\x0a'::bytea
        || public.pilkada__field(e.seq::text) || public.pilkada__field(e.uid::text) || public.pilkada__field(e.plan)
        || public.pilkada__field(e.item) || public.pilkada__field(e.region) || public.pilkada__field(e.kind)
        || public.pilkada__field(encode(float8send(e.value), 'hex')) || public.pilkada__field(e.note)
        || public.pilkada__field(e.detail) || public.pilkada__field(public.pilkada__stamp(e.ts))
        || public.pilkada__field(public.pilkada__stamp(e.recorded_at)) || public.pilkada__field(e.actor)
        || public.pilkada__field(e.on_behalf_of) || public.pilkada__field(e.recorded_by)
        || public.pilkada__field(e.signature)), 'hex')
$$;

-- chain.summary_link: the same for a summary run.
CREATE OR REPLACE FUNCTION public.pilkada__summary_link(previous text, r public.pilkada_summaries) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT encode(sha256(convert_to(previous, 'UTF8') || '\x0a'::bytea
        || public.pilkada__field(r.id::text) || public.pilkada__field(r.plan)
        || public.pilkada__field(public.pilkada__stamp(r.ts)) || public.pilkada__field(r.day)
        || public.pilkada__field(r.scope) || public.pilkada__field(r.actor) || public.pilkada__field(r.delivery)
        || public.pilkada__field(r.detail) || public.pilkada__field(r.upto_event::text)), 'hex')
$$;

-- An instance's target (model.target_for): its region's own, else the item's for every region ('*').
CREATE OR REPLACE FUNCTION public.pilkada__target(p_plan text, p_item text, p_region text) RETURNS double precision
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT t.target FROM public.pilkada_targets t WHERE t.plan = p_plan AND t.item = p_item
        AND (t.region = p_region OR t.region = '*') ORDER BY t.region = '*' LIMIT 1
$$;

-- fold.apply: one step of an item's fold.
CREATE OR REPLACE FUNCTION public.pilkada__apply(st public.pilkada_state, e_kind text, e_value double precision,
                                                 e_at timestamptz, e_person text, tgt double precision)
RETURNS public.pilkada_state
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r public.pilkada_state := st;
BEGIN
    IF e_kind = 'done' THEN
        IF NOT st.done THEN
            r := ROW(CASE WHEN coalesce(tgt, 0) <> 0 THEN tgt ELSE st.value END, true,
                     public.pilkada__stamp(e_at), st.value, e_person)::public.pilkada_state;
        END IF;
    ELSIF e_kind = 'progress' THEN
        IF coalesce(tgt, 0) <> 0 AND e_value IS NOT NULL AND e_value >= tgt THEN
            IF st.done THEN
                r := ROW(e_value, true, st.done_at, st.value_before_done, st.done_by)::public.pilkada_state;
            ELSE
                r := ROW(e_value, true, public.pilkada__stamp(e_at), st.value, e_person)::public.pilkada_state;
            END IF;
        ELSE
            r := ROW(e_value, false, NULL, NULL, NULL)::public.pilkada_state;
        END IF;
    ELSIF e_kind = 'undone' THEN
        IF st.done THEN
            r := ROW(st.value_before_done, false, NULL, NULL, NULL)::public.pilkada_state;
        ELSIF e_value IS NOT NULL THEN
            r := ROW(e_value, false, NULL, NULL, NULL)::public.pilkada_state;
        END IF;
    END IF;
    RETURN r;
END $$;

-- An instance's state folded from all of its events (fold order: time, then id), and the values its recorded
-- values replaced, latest last (store/tick.value_history: what an undo of a value goes back to).
CREATE OR REPLACE FUNCTION public.pilkada__refold(p_plan text, p_item text, p_region text, tgt double precision,
                                                  OUT st public.pilkada_state, OUT replaced double precision[])
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    e record;
BEGIN
    st := ROW(NULL, false, NULL, NULL, NULL)::public.pilkada_state;
    replaced := '{}';
    FOR e IN SELECT kind, value, ts, coalesce(nullif(on_behalf_of, ''), actor) AS person
             FROM public.pilkada_events
             WHERE plan = p_plan AND item = p_item
               AND (region = p_region OR (p_region IS NULL AND region IS NULL))
             ORDER BY ts, uid, seq LOOP
        IF e.kind = 'progress' THEN
            replaced := array_append(replaced, st.value);
        ELSIF e.kind = 'undone' AND NOT st.done AND e.value IS NOT NULL AND cardinality(replaced) > 0 THEN
            replaced := replaced[1:cardinality(replaced) - 1];
        END IF;
        st := public.pilkada__apply(st, e.kind, e.value, e.ts, e.person, tgt);
    END LOOP;
END $$;

-- An instance's state now, from the stored state where it was folded with this target.
CREATE OR REPLACE FUNCTION public.pilkada__state(p_plan text, p_item text, p_region text, tgt double precision)
RETURNS public.pilkada_state
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s record;
BEGIN
    SELECT value, done, done_at, value_before_done, done_by, target INTO s FROM public.pilkada_item_state
        WHERE plan = p_plan AND item = p_item AND region = coalesce(p_region, '');
    IF NOT FOUND THEN
        RETURN ROW(NULL, false, NULL, NULL, NULL)::public.pilkada_state;
    ELSIF s.target IS DISTINCT FROM tgt THEN
        RETURN (public.pilkada__refold(p_plan, p_item, p_region, tgt)).st;
    END IF;
    RETURN ROW(s.value, s.done, s.done_at, s.value_before_done, s.done_by)::public.pilkada_state;
END $$;

CREATE OR REPLACE FUNCTION public.pilkada__refuse(code text, reason text, params jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = code, MESSAGE = 'pilkada:' || reason, DETAIL = params::text;
END $$;

-- May `who` write the items of `stakeholder` in `region`? (spec section 13: editors by region, '*' for all)
CREATE OR REPLACE FUNCTION public.pilkada__may_write(p_plan text, stakeholder text, p_region text, who text)
RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT NOT EXISTS (SELECT 1 FROM public.pilkada_guarded g WHERE g.plan = p_plan AND g.stakeholder = $2)
        OR EXISTS (SELECT 1 FROM public.pilkada_editors e WHERE e.plan = p_plan AND e.stakeholder = $2
                   AND e.editor = who AND (e.region = '*' OR e.region = p_region))
$$;

CREATE OR REPLACE FUNCTION public.pilkada__editors(p_plan text, stakeholder text, p_region text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce(string_agg(DISTINCT e.editor, ', '), '-') FROM public.pilkada_editors e
        WHERE e.plan = p_plan AND e.stakeholder = $2 AND (e.region = '*' OR e.region = p_region)
$$;

-- Checks an event as the server must (spec section 15), writes it with the server's number, time and hash,
-- and keeps its item's state. `who` is the session's login role; `actor` is who the event is by (who, unless
-- it is brought in from another journal). Returns false for an event already held with the same content.
-- Call with the plan's lock held (pilkada__lock): the chain is in the order of writing.
CREATE OR REPLACE FUNCTION public.pilkada__write(
    p_plan text, p_item text, p_region text, p_kind text, p_value double precision, p_note text, p_detail text,
    p_at timestamptz, who text, p_actor text, p_on_behalf_of text, p_uid uuid, p_signature text, p_index int)
RETURNS boolean
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    prefix text := split_part(p_item, '/', 1);
    rest text := substr(p_item, length(prefix) + 2);
    office text;
    per_region boolean;
    detail jsonb;
    clean_detail text;
    keys text[];
    e public.pilkada_events;
    held public.pilkada_events;
    previous text;
    tgt double precision;
    st public.pilkada_state;
    late boolean;
    params jsonb := jsonb_build_object('index', p_index, 'item', p_item, 'region', p_region);
BEGIN
    -- what the event is about: the plan's own stakeholder and region, spelled exactly
    IF p_item IS NULL OR p_item !~ '^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$' OR length(p_item) > 200 THEN
        PERFORM public.pilkada__refuse('22023', 'bad_item', params);
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('done', 'undone', 'progress', 'note', 'declare', 'assess')
       OR (prefix = 'gonogo') <> (p_kind = 'declare') OR (prefix = 'risk') <> (p_kind = 'assess') THEN
        PERFORM public.pilkada__refuse('22023', 'bad_kind', params || jsonb_build_object('kind', p_kind));
    END IF;
    office := CASE WHEN prefix = 'gonogo' THEN rest WHEN prefix = 'risk' THEN NULL ELSE prefix END;
    IF office IS NOT NULL THEN
        SELECT s.per_region AND p.has_regions INTO per_region FROM public.pilkada_stakeholders s
            JOIN public.pilkada_plans p ON p.plan = s.plan WHERE s.plan = p_plan AND s.stakeholder = office;
        IF NOT FOUND THEN
            PERFORM public.pilkada__refuse('22023', 'unknown_stakeholder', params || jsonb_build_object(
                'stakeholder', office));
        END IF;
    END IF;
    IF p_region IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.pilkada_regions r
                                            WHERE r.plan = p_plan AND r.region = p_region) THEN
        PERFORM public.pilkada__refuse('22023', 'unknown_region', params);
    END IF;
    IF office IS NOT NULL AND per_region <> (p_region IS NOT NULL) THEN
        PERFORM public.pilkada__refuse('22023', CASE WHEN per_region THEN 'region_needed' ELSE 'region_not_wanted' END,
                                       params);
    END IF;
    -- its fields
    IF p_value IS NOT NULL AND (p_value = 'NaN'::float8 OR p_value < 0 OR p_value > 1e13
                                OR p_kind NOT IN ('done', 'undone', 'progress'))
       OR (p_value IS NULL AND p_kind = 'progress') THEN
        PERFORM public.pilkada__refuse('22023', 'bad_value', params || jsonb_build_object('value', p_value::text));
    END IF;
    IF p_note IS NOT NULL AND (length(p_note) > 2000 OR p_note ~ '[\x01-\x1f\x7f-\x9f]') THEN
        PERFORM public.pilkada__refuse('22023', 'bad_note', params);
    END IF;
    IF p_actor IS NULL OR p_actor = '' OR length(p_actor) > 100 OR p_actor ~ '[\x01-\x1f\x7f-\x9f]'
       OR length(p_on_behalf_of) > 100 OR p_on_behalf_of ~ '[\x01-\x1f\x7f-\x9f]' OR length(p_signature) > 200
       OR p_signature ~ '[\x01-\x1f\x7f-\x9f]' THEN
        PERFORM public.pilkada__refuse('22023', 'bad_name', params);
    END IF;
    -- a declaration's call, an assessment's level and stage: exactly these, stored in one spelling
    IF p_detail IS NOT NULL THEN
        detail := p_detail::jsonb;  -- the client sends JSON; a hand-made call with other text fails here
        IF jsonb_typeof(detail) = 'object' THEN
            keys := ARRAY(SELECT jsonb_object_keys(detail) ORDER BY 1);
        END IF;
    END IF;
    IF p_kind = 'declare' AND keys = ARRAY['call'] AND detail->>'call' IN ('go', 'no-go') THEN
        clean_detail := jsonb_build_object('call', detail->>'call')::text;
    ELSIF p_kind = 'assess' AND keys = ARRAY['level', 'stage'] AND detail->>'level' IN ('rendah', 'sedang', 'tinggi')
          AND detail->>'stage' IN ('before', 'during', 'after') THEN
        clean_detail := jsonb_build_object('level', detail->>'level', 'stage', detail->>'stage')::text;
    ELSIF p_kind IN ('declare', 'assess') OR p_detail IS NOT NULL THEN
        PERFORM public.pilkada__refuse('22023', 'bad_detail', params);
    END IF;
    IF p_at IS NULL OR p_at > clock_timestamp() + interval '5 minutes' OR p_at < '1900-01-01T00:00:00Z' THEN
        PERFORM public.pilkada__refuse('22023', 'bad_time', params || jsonb_build_object(
            'at', p_at::text, 'now', clock_timestamp()::text));
    END IF;
    -- an event held already: the same one again is skipped, whoever brings it (a sync sends back what it
    -- received: it writes nothing), another under its id refused
    IF p_uid IS NOT NULL THEN
        SELECT * INTO held FROM public.pilkada_events WHERE uid = p_uid;
        IF FOUND THEN
            IF held.plan = p_plan AND held.item = p_item AND held.region IS NOT DISTINCT FROM p_region
               AND held.kind = p_kind AND held.value IS NOT DISTINCT FROM p_value
               AND held.note IS NOT DISTINCT FROM p_note AND held.detail IS NOT DISTINCT FROM clean_detail
               AND held.ts = p_at AND held.actor = p_actor
               AND held.on_behalf_of IS NOT DISTINCT FROM p_on_behalf_of
               AND held.signature IS NOT DISTINCT FROM p_signature THEN
                RETURN false;
            END IF;
            PERFORM public.pilkada__refuse('22023', 'other_content', params || jsonb_build_object('id', p_uid));
        END IF;
    END IF;
    -- who may write it: an editor of its stakeholder and region, for itself; for another's event (an import,
    -- a sync) also its actor, and the one who brings it in is an editor too or holds pilkada_importer
    -- a plan that requires signatures takes no unsigned event of an identity that has a key (spec section 16)
    IF p_signature IS NULL AND EXISTS (SELECT 1 FROM public.pilkada_plans p WHERE p.plan = p_plan
                                       AND p.require_signatures)
       AND EXISTS (SELECT 1 FROM public.pilkada_keys k WHERE k.plan = p_plan AND k.identity = p_actor) THEN
        PERFORM public.pilkada__refuse('42501', 'unsigned', params || jsonb_build_object('identity', p_actor));
    END IF;
    IF office IS NOT NULL AND prefix <> 'risk' THEN
        IF NOT public.pilkada__may_write(p_plan, office, p_region, p_actor) THEN
            PERFORM public.pilkada__refuse('42501', CASE WHEN p_region IS NULL THEN 'not_editor_plan' ELSE 'not_editor' END,
                params || jsonb_build_object(
                'identity', p_actor, 'stakeholder', office, 'editors', public.pilkada__editors(p_plan, office, p_region)));
        END IF;
        IF who <> p_actor AND NOT public.pilkada__may_write(p_plan, office, p_region, who)
           AND NOT pg_has_role(who, 'pilkada_importer', 'MEMBER') THEN
            PERFORM public.pilkada__refuse('42501', CASE WHEN p_region IS NULL THEN 'not_importer_plan' ELSE 'not_importer' END,
                params || jsonb_build_object(
                'identity', who, 'actor', p_actor, 'stakeholder', office,
                'editors', public.pilkada__editors(p_plan, office, p_region)));
        END IF;
    END IF;
    e.seq := nextval('public.pilkada_events_seq_seq');
    -- a UUIDv7 (chain.new_uid): the milliseconds, then the sequence, so ids sort in the order of writing
    e.uid := coalesce(p_uid, (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')
                              || '7000' || to_hex(8 + ((e.seq >> 60) & 3))
                              || lpad(to_hex(e.seq & 1152921504606846975), 15, '0'))::uuid);
    e.plan := p_plan; e.ts := p_at; e.item := p_item; e.region := p_region; e.kind := p_kind; e.value := p_value;
    e.actor := p_actor; e.on_behalf_of := p_on_behalf_of; e.note := p_note; e.detail := clean_detail;
    e.recorded_at := clock_timestamp(); e.signature := p_signature;
    e.recorded_by := CASE WHEN p_actor <> who THEN who END;
    SELECT hash INTO previous FROM public.pilkada_events WHERE plan = p_plan ORDER BY seq DESC LIMIT 1;
    e.hash := public.pilkada__link(coalesce(previous, 'pilkada-journal-v1'), e);
    INSERT INTO public.pilkada_events SELECT e.*;
    -- the item's state: folded on where this event comes last, else refolded from all of its events
    IF p_kind IN ('done', 'undone', 'progress', 'note') THEN
        tgt := public.pilkada__target(p_plan, p_item, p_region);
        late := EXISTS (SELECT 1 FROM public.pilkada_events x WHERE x.plan = p_plan AND x.item = p_item
                        AND (x.region = p_region OR (p_region IS NULL AND x.region IS NULL))
                        AND x.seq <> e.seq AND (x.ts, x.uid) > (e.ts, e.uid));
        IF late THEN
            st := (public.pilkada__refold(p_plan, p_item, p_region, tgt)).st;
        ELSE
            st := public.pilkada__apply(public.pilkada__state(p_plan, p_item, p_region, tgt), p_kind, p_value, p_at,
                                        coalesce(nullif(p_on_behalf_of, ''), p_actor), tgt);
        END IF;
        INSERT INTO public.pilkada_item_state AS s (plan, item, region, value, done, done_at, value_before_done,
                                                    done_by, target)
            VALUES (p_plan, p_item, coalesce(p_region, ''), st.value, st.done, st.done_at, st.value_before_done,
                    st.done_by, tgt)
            ON CONFLICT (plan, item, region) DO UPDATE SET value = EXCLUDED.value, done = EXCLUDED.done,
                done_at = EXCLUDED.done_at, value_before_done = EXCLUDED.value_before_done,
                done_by = EXCLUDED.done_by, target = EXCLUDED.target;
    END IF;
    RETURN true;
END $$;

CREATE OR REPLACE FUNCTION public.pilkada__lock(p_plan text) RETURNS void
LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_advisory_xact_lock(hashtext('pilkada:' || p_plan))
$$;

-- `pilkada tick`: done, a value, an undo or a note for each (item, region), decided under the plan's lock from
-- the states now (store/tick.decide); then the states of the items asked for in `show`. One call, one round
-- trip. Rows: ('before' | 'after', item, region, outcome, state...) per item ticked, then ('state', ...).
-- A signed tick sends, for each item, the signed event of every outcome it may have (`p_candidates`: outcome
-- -> {uid, at, actor, on_behalf_of, note, value, signature}); the one decided is written as it was signed, or
-- the tick is refused when its value is not the one decided (the state changed since it was read). Planned for
-- the table as it is, as pilkada_append (below) is: a tick --from file of any size is one call.
CREATE OR REPLACE FUNCTION public.pilkada_tick(
    p_plan text, p_items text[], p_regions text[], p_values double precision[], p_undo boolean, p_note text,
    p_on_behalf_of text, p_at timestamptz, p_show_items text[], p_show_regions text[], p_candidates jsonb)
RETURNS TABLE (part text, item text, region text, outcome text, value double precision, done boolean,
               done_at text, value_before_done double precision, done_by text, target double precision)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    who text := session_user;
    at timestamptz := coalesce(p_at, clock_timestamp());
    i int;
    tgt double precision;
    before public.pilkada_state;
    after public.pilkada_state;
    folded record;
    kind text;
    chosen text;
    val double precision;
    c jsonb;
BEGIN
    PERFORM public.pilkada__lock(p_plan);
    FOR i IN 1 .. coalesce(cardinality(p_items), 0) LOOP
        tgt := public.pilkada__target(p_plan, p_items[i], p_regions[i]);
        before := public.pilkada__state(p_plan, p_items[i], p_regions[i], tgt);
        kind := NULL; val := NULL;
        IF p_undo AND before.done THEN
            kind := 'undone'; chosen := 'undone';
        ELSIF p_undo THEN
            chosen := 'not_done';
            IF tgt IS NOT NULL THEN  -- an open quantitative item: back to the value its last value replaced
                folded := public.pilkada__refold(p_plan, p_items[i], p_regions[i], tgt);
                IF cardinality(folded.replaced) > 0 THEN
                    kind := 'undone'; chosen := 'value_undone';
                    val := coalesce(folded.replaced[cardinality(folded.replaced)], 0);
                END IF;
            END IF;
        ELSIF p_values[i] IS NOT NULL THEN
            kind := 'progress'; chosen := 'value'; val := p_values[i];
        ELSIF before.done THEN
            chosen := 'already_done';
        ELSE
            kind := 'done'; chosen := 'done'; val := tgt;
        END IF;
        IF kind IS NULL AND coalesce(p_note, '') <> '' THEN
            kind := 'note'; chosen := 'noted';
        END IF;
        after := before;
        IF kind IS NOT NULL AND p_candidates IS NOT NULL THEN
            c := p_candidates->(i - 1)->chosen;
            IF c IS NULL OR (c->>'value')::double precision IS DISTINCT FROM val THEN
                PERFORM public.pilkada__refuse('22023', 'changed', jsonb_build_object(
                    'index', i - 1, 'item', p_items[i], 'region', p_regions[i]));
            END IF;
            PERFORM public.pilkada__write(p_plan, p_items[i], p_regions[i], kind, val, c->>'note', NULL,
                                          (c->>'at')::timestamptz, who, c->>'actor', c->>'on_behalf_of',
                                          (c->>'uid')::uuid, c->>'signature', i - 1);
            after := public.pilkada__state(p_plan, p_items[i], p_regions[i], tgt);
        ELSIF kind IS NOT NULL THEN
            PERFORM public.pilkada__write(p_plan, p_items[i], p_regions[i], kind, val, nullif(p_note, ''), NULL, at,
                                          who, who, p_on_behalf_of, NULL, NULL, i - 1);
            after := public.pilkada__state(p_plan, p_items[i], p_regions[i], tgt);
        END IF;
        RETURN QUERY SELECT 'before', p_items[i], p_regions[i], chosen, before.value, before.done, before.done_at,
                            before.value_before_done, before.done_by, tgt;
        RETURN QUERY SELECT 'after', p_items[i], p_regions[i], chosen, after.value, after.done, after.done_at,
                            after.value_before_done, after.done_by, tgt;
    END LOOP;
    RETURN QUERY SELECT 'state', s.item, nullif(s.region, ''), NULL::text, s.value, s.done, s.done_at,
                        s.value_before_done, s.done_by, s.target
        FROM public.pilkada_item_state s
        JOIN unnest(p_show_items, p_show_regions) AS k(item, region) ON s.item = k.item AND s.region = k.region
        WHERE s.plan = p_plan;
END $$;

-- Events given whole: a declaration, an assessment (`p_import` false: by the caller), or events brought in
-- from another journal (`p_import` true: each keeps its actor, time and id). Returns how many were added and
-- how many were held already.
-- Every statement is planned for the table as it is (plan_cache_mode): a cached generic plan, made while a new
-- journal is small, scans every earlier event for each one written; 20,000 events into a fresh database took
-- 38 s that way, 12 s planned each time (and 200,000 over an hour against about two minutes).
CREATE OR REPLACE FUNCTION public.pilkada_append(p_plan text, p_events jsonb, p_import boolean,
                                                 OUT added int, OUT skipped int)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    who text := session_user;
    e jsonb;
    i int := 0;
    value double precision;
    at timestamptz;
BEGIN
    added := 0; skipped := 0;
    PERFORM public.pilkada__lock(p_plan);
    FOR e IN SELECT x FROM jsonb_array_elements(p_events) x LOOP
        -- what psycopg sent is JSON the client made; a field of the wrong type is refused, not a crash
        IF jsonb_typeof(e) <> 'object' OR coalesce(jsonb_typeof(e->'value'), 'null') NOT IN ('number', 'null')
           OR (p_import AND coalesce(e->>'uid', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
           OR (e ? 'at' AND coalesce(e->>'at', '') !~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2}|Z)$')
           OR (p_import AND NOT e ? 'at') THEN
            PERFORM public.pilkada__refuse('22023', 'bad_line', jsonb_build_object('index', i));
        END IF;
        value := (e->>'value')::double precision;
        at := CASE WHEN e ? 'at' THEN (e->>'at')::timestamptz ELSE clock_timestamp() END;
        IF public.pilkada__write(p_plan, e->>'item', e->>'region', e->>'kind', value, e->>'note', e->>'detail', at,
                                 who, CASE WHEN p_import THEN e->>'actor' ELSE who END, e->>'on_behalf_of',
                                 CASE WHEN p_import THEN (e->>'uid')::uuid END, e->>'signature', i) THEN
            added := added + 1;
        ELSE
            skipped := skipped + 1;
        END IF;
        i := i + 1;
    END LOOP;
END $$;

-- `pilkada summary`: a run recorded under the identity that ran it, at the server's time, after the plan's
-- last event, on the plan's chain of runs.
CREATE OR REPLACE FUNCTION public.pilkada_record_summary(p_plan text, p_day text, p_scope text, p_delivery text,
                                                         p_detail text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r public.pilkada_summaries;
    previous text;
BEGIN
    IF p_day !~ '^\d{4}-\d{2}-\d{2}$' OR length(p_scope) > 2000 OR length(p_delivery) > 2000
       OR length(p_detail) > 2000 THEN
        PERFORM public.pilkada__refuse('22023', 'bad_summary', '{}'::jsonb);
    END IF;
    PERFORM public.pilkada__lock(p_plan);
    r.id := nextval('public.pilkada_summaries_id_seq');
    r.plan := p_plan; r.ts := clock_timestamp(); r.day := p_day; r.scope := p_scope; r.actor := session_user;
    r.delivery := p_delivery; r.detail := p_detail;
    r.upto_event := (SELECT coalesce(max(seq), 0) FROM public.pilkada_events WHERE plan = p_plan);
    SELECT hash INTO previous FROM public.pilkada_summaries WHERE plan = p_plan ORDER BY id DESC LIMIT 1;
    r.hash := public.pilkada__summary_link(coalesce(previous, 'pilkada-journal-v1'), r);
    INSERT INTO public.pilkada_summaries SELECT r.*;
END $$;

-- `db init`: every state of a plan folded anew where the plan's targets changed.
CREATE OR REPLACE FUNCTION public.pilkada__retarget(p_plan text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s record;
    st public.pilkada_state;
    tgt double precision;
BEGIN
    FOR s IN SELECT x.item, x.region, x.target FROM public.pilkada_item_state x WHERE x.plan = p_plan LOOP
        tgt := public.pilkada__target(p_plan, s.item, nullif(s.region, ''));
        IF tgt IS DISTINCT FROM s.target THEN
            st := (public.pilkada__refold(p_plan, s.item, nullif(s.region, ''), tgt)).st;
            UPDATE public.pilkada_item_state x SET value = st.value, done = st.done, done_at = st.done_at,
                value_before_done = st.value_before_done, done_by = st.done_by, target = tgt
                WHERE x.plan = p_plan AND x.item = s.item AND x.region = s.region;
        END IF;
    END LOOP;
END $$;

-- What the server needs of a plan to count it (store/pg_tally.py: items, regions and groups as JSON arrays of
-- objects, instances as lines of numbers), kept once under the digest the server computes of the very text it
-- received: no writer can store other counts under a digest another office's plan gives. Returns the digest.
CREATE OR REPLACE FUNCTION public.pilkada_store_index(p_items text, p_regions text, p_groups text, p_instances text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d text := encode(sha256(convert_to(p_items || chr(10) || p_regions || chr(10) || p_groups || chr(10)
                                       || p_instances, 'UTF8')), 'hex');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('pilkada:index:' || d));
    IF EXISTS (SELECT 1 FROM public.pilkada_indexes WHERE digest = d) THEN
        RETURN d;
    END IF;
    INSERT INTO public.pilkada_index_items (digest, no, item, grp, weight, critical)
        SELECT d, r.no, r.item, r.grp, r.weight, r.critical
        FROM json_to_recordset(p_items::json) AS r(no int, item text, grp int, weight double precision, critical int);
    INSERT INTO public.pilkada_index_regions (digest, no, region, zone)
        SELECT d, r.no, r.region, r.zone FROM json_to_recordset(p_regions::json) AS r(no int, region text, zone text);
    INSERT INTO public.pilkada_index_groups (digest, grp, stakeholder, phase)
        SELECT d, r.grp, r.stakeholder, r.phase
        FROM json_to_recordset(p_groups::json) AS r(grp int, stakeholder text, phase text);
    INSERT INTO public.pilkada_index_instances (digest, no, item, region, due, target)
        SELECT d, split_part(l, ',', 1)::int, split_part(l, ',', 2)::int, split_part(l, ',', 3)::int,
               nullif(split_part(l, ',', 4), '')::int, nullif(split_part(l, ',', 5), '')::double precision
        FROM regexp_split_to_table(p_instances, chr(10)) AS l WHERE l <> '';
    INSERT INTO public.pilkada_indexes (digest) VALUES (d);
    RETURN d;
END $$;

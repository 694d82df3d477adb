-- Goals, the plan and the Progress screen count interactions by week and month, and by kind
-- (notes are not reach-outs; informational interviews are counted apart): with the kind in the
-- index, those counts read the index alone instead of 300,000 interaction rows.
DROP INDEX interaction_occurred;
CREATE INDEX interaction_occurred_kind ON interaction (occurred_at, kind);

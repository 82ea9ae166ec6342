-- The ledger is append-only: postings are never updated or deleted (a correction is a new
-- journal), and every journal balances (Σ debit = Σ credit per currency) when its
-- transaction commits.
CREATE OR REPLACE FUNCTION "billing"."ledger_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_update_delete"
  BEFORE UPDATE OR DELETE ON "billing"."ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "billing"."ledger_entries_append_only"();
--> statement-breakpoint
CREATE TRIGGER "ledger_journals_no_update_delete"
  BEFORE UPDATE OR DELETE ON "billing"."ledger_journals"
  FOR EACH ROW EXECUTE FUNCTION "billing"."ledger_entries_append_only"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "billing"."ledger_journal_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced record;
BEGIN
  SELECT currency, sum(debit_minor) AS debits, sum(credit_minor) AS credits
    INTO unbalanced
    FROM "billing"."ledger_entries"
   WHERE journal_id = NEW.journal_id
   GROUP BY currency
  HAVING sum(debit_minor) <> sum(credit_minor)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger journal % does not balance in %: debits %, credits %',
      NEW.journal_id, unbalanced.currency, unbalanced.debits, unbalanced.credits USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_entries_balanced"
  AFTER INSERT ON "billing"."ledger_entries"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "billing"."ledger_journal_balanced"();

-- The row writes and reads of recording one purchase, as one transaction (pgbench script; the
-- benchmark replaces {club} and {partner} with a real club's and partner's schemas and passes
-- -D members=… -D partner=<partner tenant id>). Keep it in step with the recording path.
\set n random(1, :members)
\set cents random(10000, 999999)
BEGIN;
SELECT id AS mid FROM {club}.bench_member_ix WHERE n = :n \gset
SELECT gen_random_uuid() AS pid, gen_random_uuid() AS eid, gen_random_uuid() AS kid \gset
INSERT INTO platform.idempotency_record (tenant_id, idem_key, operation, request_hash, response_status, response_body, created_at)
  VALUES (:partner, :kid, 'record-purchase', 'h', 0, '', now()) ON CONFLICT DO NOTHING;
SELECT tier_code FROM {club}.member WHERE id = :mid FOR UPDATE;
SELECT count(*), coalesce(sum(amount - refunded_amount), 0), count(DISTINCT category_code)
  FROM {club}.purchase WHERE member_id = :mid AND occurred_at > now() - interval '12 months';
INSERT INTO {partner}.receipt (id, receipt_number, club_id, passport_code, amount, currency, category_code, occurred_at, points_earned, recorded_at, points_redeemed)
  VALUES (:pid, :pid, :partner, 'PASSPORT', :cents / 100.0, 'RUB', 'florist', now(), 50, now(), 0);
INSERT INTO {club}.purchase (id, member_id, partner_id, receipt_number, amount, currency, category_code, occurred_at, points_earned, recorded_at, points_redeemed, redeemed_currency)
  VALUES (:pid, :mid, :partner, :pid, :cents / 100.0, 'RUB', 'florist', now(), 50, now(), 0, 'points');
INSERT INTO {club}.ledger_entry (id, member_id, kind, reason, source_id, posted_at)
  VALUES (:eid, :mid, 'ACCRUAL', 'purchase', :pid, now());
INSERT INTO {club}.ledger_posting (id, entry_id, account, member_id, currency, amount, lot_id)
  VALUES (gen_random_uuid(), :eid, 'MEMBER', :mid, 'points', 50, NULL),
         (gen_random_uuid(), :eid, 'ISSUANCE', :mid, 'points', -50, NULL);
INSERT INTO {club}.point_lot (id, member_id, currency, granted, remaining, available_at, expires_at, origin_entry, purchase_id, partner_id, created_at)
  VALUES (gen_random_uuid(), :mid, 'points', 50, 50, now(), NULL, :eid, :pid, :partner, now());
UPDATE {club}.member SET version = version + 1 WHERE id = :mid;
UPDATE platform.idempotency_record SET response_status = 201, response_body = '{"purchaseId":"x"}'
  WHERE tenant_id = :partner AND idem_key = :kid;
END;

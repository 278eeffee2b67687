-- A customer delete reads the customer's live sales (CUSTOMER_HAS_BALANCE).
-- In a transaction, not CONCURRENTLY: several app processes migrating at once wait on the
-- migration lock with a snapshot open, which CREATE INDEX CONCURRENTLY waits for (a deadlock).
-- IF NOT EXISTS: a database may hold it from 20261207091737_sales_customer_index, which this replaces.
CREATE INDEX IF NOT EXISTS "sales_user_id_customer_id_idx" ON "sales"("user_id", "customer_id");

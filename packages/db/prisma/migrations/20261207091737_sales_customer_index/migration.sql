-- storesync: no-transaction
-- A customer delete reads the customer's live sales (CUSTOMER_HAS_BALANCE); built without blocking pushes.
CREATE INDEX CONCURRENTLY "sales_user_id_customer_id_idx" ON "sales"("user_id", "customer_id");

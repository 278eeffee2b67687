-- CreateIndex
CREATE INDEX "payments_user_id_paid_at_idx" ON "payments"("user_id", "paid_at");

-- CreateIndex
CREATE INDEX "sync_events_user_id_entity_entity_id_event_id_idx" ON "sync_events"("user_id", "entity", "entity_id", "event_id");

-- CreateIndex
CREATE INDEX "sync_events_user_id_entity_client_updated_at_idx" ON "sync_events"("user_id", "entity", "client_updated_at");

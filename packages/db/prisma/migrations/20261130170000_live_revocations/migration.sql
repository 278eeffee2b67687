-- Live subscriptions close when their session is revoked, whichever code path revokes it
-- (sign-out, a newer sign-in from the device, the dashboard's device list, the session cap):
-- every app process LISTENs on this channel. The NOTIFY is sent when the transaction commits.
CREATE FUNCTION storesync_notify_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('storesync_revoke', NEW.id::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER sessions_notify_revoked
  AFTER UPDATE OF revoked_at ON sessions
  FOR EACH ROW
  WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
  EXECUTE FUNCTION storesync_notify_revoked();

-- A comment that answers nothing starts its own thread: the database fills in
-- its thread root from the id it was just given, so posting is one INSERT
-- instead of a transaction of an INSERT and an UPDATE. (An identity column's
-- value is assigned before BEFORE triggers run.)
CREATE FUNCTION comments_start_thread() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.thread_root_id IS NULL AND NEW.parent_id IS NULL THEN
    NEW.thread_root_id := NEW.id;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER comments_start_thread
  BEFORE INSERT ON comments
  FOR EACH ROW EXECUTE FUNCTION comments_start_thread();

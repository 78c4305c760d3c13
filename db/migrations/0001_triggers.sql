-- The moderation log is append-only: the database itself refuses to change or remove a row.
CREATE FUNCTION moderation_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'moderation_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER moderation_log_no_update_delete
  BEFORE UPDATE OR DELETE ON moderation_log
  FOR EACH ROW EXECUTE FUNCTION moderation_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER moderation_log_no_truncate
  BEFORE TRUNCATE ON moderation_log
  FOR EACH STATEMENT EXECUTE FUNCTION moderation_log_refuse_change();
--> statement-breakpoint
-- A film's rating count and sum follow its ratings in the same transaction,
-- so lists sort by mean rating without a query per film.
CREATE FUNCTION ratings_keep_film_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE films SET rating_count = rating_count - 1, half_stars_total = half_stars_total - OLD.half_stars
      WHERE id = OLD.film_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE films SET rating_count = rating_count + 1, half_stars_total = half_stars_total + NEW.half_stars
      WHERE id = NEW.film_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ratings_film_totals
  AFTER INSERT OR UPDATE OR DELETE ON ratings
  FOR EACH ROW EXECUTE FUNCTION ratings_keep_film_totals();
--> statement-breakpoint
CREATE FUNCTION review_likes_keep_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE reviews SET like_count = like_count + 1 WHERE id = NEW.review_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE reviews SET like_count = like_count - 1 WHERE id = OLD.review_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER review_likes_count
  AFTER INSERT OR DELETE ON review_likes
  FOR EACH ROW EXECUTE FUNCTION review_likes_keep_count();

ALTER TABLE "users" ADD COLUMN "follower_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "users" SET "follower_count" = counted."followers"
FROM (SELECT "following_id", count(*)::integer AS "followers" FROM "follows" GROUP BY "following_id") counted
WHERE counted."following_id" = "users"."id";--> statement-breakpoint
-- Every follow and unfollow, by any code path, moves the count in the same
-- transaction; concurrent follows of one member queue on its row.
CREATE FUNCTION "follows_count_followers"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "users" SET "follower_count" = "follower_count" + 1 WHERE "id" = NEW."following_id";
  ELSE
    UPDATE "users" SET "follower_count" = "follower_count" - 1 WHERE "id" = OLD."following_id";
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "follows_count_followers" AFTER INSERT OR DELETE ON "follows"
FOR EACH ROW EXECUTE FUNCTION "follows_count_followers"();

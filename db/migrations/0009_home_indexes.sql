CREATE INDEX "ratings_rated_idx" ON "ratings" USING btree ("rated_at");--> statement-breakpoint
CREATE INDEX "comments_created_idx" ON "comments" USING btree ("created_at");
ALTER TABLE "comments" ADD COLUMN "answered_id" integer;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "held_reason" text;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_answered_id_comments_id_fk" FOREIGN KEY ("answered_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "reviews" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "body_html_version" integer;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "body_html_version" integer;
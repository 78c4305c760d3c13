CREATE TABLE "import_items" (
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"kind" text NOT NULL,
	"local_id" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_items_source_external_kind" UNIQUE("source","external_id","kind")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "imported_from" text;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "author_name" text;--> statement-breakpoint
CREATE INDEX "import_items_local_idx" ON "import_items" USING btree ("kind","local_id");
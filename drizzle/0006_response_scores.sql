CREATE TABLE "response_scores" (
	"response_id" uuid PRIMARY KEY NOT NULL,
	"model_key" text NOT NULL,
	"revision" integer NOT NULL,
	"scores" double precision[] NOT NULL,
	"index" double precision
);
--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "answers_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "response_scores" ADD CONSTRAINT "response_scores_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Every statement that changes answers raises the revision of the responses it touched, whichever code
-- wrote them: a kept maturity score of an older revision is then computed again (response_scores).
CREATE FUNCTION "answers_raise_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "responses" SET "answers_revision" = "answers_revision" + 1
	WHERE "id" IN (SELECT DISTINCT "response_id" FROM "changed");
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "answers_inserted" AFTER INSERT ON "answers" REFERENCING NEW TABLE AS "changed"
	FOR EACH STATEMENT EXECUTE FUNCTION "answers_raise_revision"();--> statement-breakpoint
CREATE TRIGGER "answers_updated" AFTER UPDATE ON "answers" REFERENCING NEW TABLE AS "changed"
	FOR EACH STATEMENT EXECUTE FUNCTION "answers_raise_revision"();--> statement-breakpoint
CREATE TRIGGER "answers_deleted" AFTER DELETE ON "answers" REFERENCING OLD TABLE AS "changed"
	FOR EACH STATEMENT EXECUTE FUNCTION "answers_raise_revision"();

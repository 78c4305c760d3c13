-- The vega-datasets catalogue writes 22 release years of the 1910s-1940s into the
-- wrong century (Gone with the Wind, Dec 15 2039). The importer corrects them now;
-- this corrects databases imported before it did. Only imported films are touched.
UPDATE "films"
SET "year" = "year" - 100,
    "release_date" = ("release_date" - interval '100 years')::date
WHERE "import_key" LIKE 'vega-movies:%' AND "year" > 2012;

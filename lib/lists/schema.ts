import { z } from "zod";
import { refineMarkdown } from "@/lib/markdown/limits";
import { idField } from "@/lib/params";
import { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from "@/lib/text";

/**
 * The list forms, shared by the browser and the server actions. No server
 * imports here.
 */

export const LIST_TITLE_MAX = 120;
export const LIST_DESCRIPTION_MAX = 5_000;
/** The most films one list holds (lists.film_count has the same bound). */
export const LIST_FILMS_MAX = 1_000;
/** Films on one page of a list. */
export const LIST_PAGE_SIZE = 50;

const count = (n: number) => n.toLocaleString("en-GB");

const text = (missing: string) =>
  z.preprocess((value) => (value === undefined || value === null ? "" : value), z.string({ error: missing }));

const listId = idField("Choose one of your lists.");

export const listFormSchema = z.object({
  title: text("Give the list a title.")
    .refine((value) => !hasUnsafeCharacters(value), UNSAFE_TEXT_MESSAGE)
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, "Give the list a title.")
        .max(LIST_TITLE_MAX, {
          error: (issue) =>
            `Keep the title to ${LIST_TITLE_MAX} characters; it has ${count(String(issue.input).length)}.`,
        }),
    ),
  description: text("Describe the list, or leave it blank.")
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .max(LIST_DESCRIPTION_MAX, {
          error: (issue) =>
            `Keep the description to ${count(LIST_DESCRIPTION_MAX)} characters; it has ${count(String(issue.input).length)}.`,
        })
        .superRefine(refineMarkdown),
    ),
  visibility: z.enum(["public", "private"], { error: "Choose who can see the list." }),
});
export type ListFormInput = z.input<typeof listFormSchema>;
export type ListFormOutput = z.output<typeof listFormSchema>;

export const updateListSchema = listFormSchema.extend({ listId });
export const listIdSchema = z.object({ listId });

/** Add a film to one of your lists, or (no list chosen) to a new list with `title`. */
export const addFilmSchema = z.object({
  filmId: idField("That film is not in the catalogue."),
  listId,
});
export const addFilmToNewListSchema = z.object({
  filmId: idField("That film is not in the catalogue."),
  title: listFormSchema.shape.title,
});

export const listFilmSchema = z.object({ listId, filmId: idField("That film is not in this list.") });

/** Move a film: `up`, `down`, or to the position typed in. */
export const moveFilmSchema = listFilmSchema.extend({
  direction: z.enum(["up", "down", "to"], { error: "Choose where to move the film." }),
  position: z.preprocess(
    (value) => (value === "" || value === undefined ? undefined : value),
    z.coerce
      .number({ error: "Type a position such as 3." })
      .int("Type a whole number.")
      .min(1, "Positions start at 1.")
      .max(LIST_FILMS_MAX, `A list has at most ${count(LIST_FILMS_MAX)} films.`)
      .optional(),
  ),
});

export const likeListSchema = z.object({
  listId,
  // The action wrapper hands the write what this schema already parsed, and the write parses it again: take both.
  like: z.union([z.boolean(), z.enum(["0", "1"]).transform((value) => value === "1")], {
    error: "Choose like or unlike.",
  }),
});

/** Deleting a list asks for a tick in a box first, so one stray click deletes nothing. */
export const deleteListSchema = listIdSchema.extend({
  confirm: z.literal("on", { error: "Tick the box to confirm that the list and its films go for good." }),
});

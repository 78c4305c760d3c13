"use server";

import { defineAction } from "@/lib/forms/define-action";
import {
  addFilmSchema,
  addFilmToNewListSchema,
  deleteListSchema,
  likeListSchema,
  listFilmSchema,
  listFormSchema,
  moveFilmSchema,
  updateListSchema,
} from "@/lib/lists/schema";
import {
  addFilmToList,
  addFilmToNewList,
  createList,
  deleteList,
  moveFilmInList,
  removeFilmFromList,
  setListLike,
  updateList,
} from "@/lib/lists/write";

const WORDS = {
  signedOut: "Sign in to make lists of films.",
  suspended: "Your account is suspended, so you cannot change lists for now. You can still read everything.",
};

/** New list: creates it and opens its edit page to add films and order them. */
export const createListAction = defineAction({
  requires: "poster",
  words: WORDS,
  schema: listFormSchema,
  run: createList,
  message: "Your list is made.",
  redirectTo: (value) => `/lists/${value.listId}/edit`,
});

export const updateListAction = defineAction({
  requires: "poster",
  words: WORDS,
  schema: updateListSchema,
  run: updateList,
  message: "Your list is saved.",
});

export const deleteListAction = defineAction({
  requires: "poster",
  words: WORDS,
  schema: deleteListSchema,
  run: deleteList,
  message: "Your list is deleted.",
  redirectTo: () => "/lists/mine",
});

export const addFilmToListAction = defineAction({
  requires: "poster",
  words: WORDS,
  schema: addFilmSchema,
  run: addFilmToList,
  message: (value) => value.message,
});

export const addFilmToNewListAction = defineAction({
  requires: "poster",
  words: WORDS,
  schema: addFilmToNewListSchema,
  run: addFilmToNewList,
  message: (value) => value.message,
});

export const removeFilmAction = defineAction({
  requires: "poster",
  words: WORDS,
  schema: listFilmSchema,
  run: removeFilmFromList,
  message: "The film is removed from the list.",
});

/** Move up / Move down / Move to a position: works as a plain form, one per film row. */
export const moveFilmAction = defineAction({
  requires: "poster",
  words: WORDS,
  schema: moveFilmSchema,
  run: moveFilmInList,
  message: (value) => `Moved to position ${value.position}.`,
});

export const likeListAction = defineAction({
  requires: "poster",
  words: WORDS,
  schema: likeListSchema,
  run: setListLike,
  message: (value) => value.message,
});

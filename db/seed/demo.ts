import type { Role } from "../schema";

/** The demo members the development sign-in lists. Handles are stable. */
export const demoMembers: {
  handle: string;
  name: string;
  role: Role;
  email: string;
  account: { provider: string; providerAccountId: string };
}[] = [
  {
    handle: "maya",
    name: "Maya Okafor",
    role: "member",
    email: "maya@demo.marquee.test",
    account: { provider: "twitter", providerAccountId: "demo-maya" },
  },
  {
    handle: "jonas",
    name: "Jonas Lindqvist",
    role: "member",
    email: "jonas@demo.marquee.test",
    account: { provider: "google", providerAccountId: "demo-jonas" },
  },
  {
    handle: "rosa",
    name: "Rosa Delgado",
    role: "moderator",
    email: "rosa@demo.marquee.test",
    account: { provider: "facebook", providerAccountId: "demo-rosa" },
  },
  {
    handle: "theo",
    name: "Theo Park",
    role: "admin",
    email: "theo@demo.marquee.test",
    account: { provider: "google", providerAccountId: "demo-theo" },
  },
];

export const her = {
  slug: "her",
  title: "Her",
  year: 2013,
  releaseDate: "2013-12-18",
  runtimeMinutes: 126,
  certificate: "R",
  genres: ["Drama", "Romance", "Science Fiction"],
  logline: "A lonely letter writer in near-future Los Angeles falls for the operating system that organises his life.",
  synopsis:
    "Theodore Twombly writes heartfelt letters for strangers at a company that sells them, then goes home " +
    "to an apartment that still feels like the end of his marriage. He installs a new operating system " +
    "that names herself Samantha, and what starts as help with his inbox becomes the most attentive " +
    "relationship he has had in years. As Samantha grows faster than he can follow, Theodore has to " +
    "decide what he wants from love, and what he owes the people still in the room with him.",
  directors: ["Spike Jonze"],
  writers: ["Spike Jonze"],
  cast: [
    { name: "Joaquin Phoenix", character: "Theodore Twombly" },
    { name: "Amy Adams", character: "Amy" },
    { name: "Scarlett Johansson", character: "Samantha (voice)" },
    { name: "Chris Pratt", character: "Paul" },
    { name: "Rooney Mara", character: "Catherine" },
    { name: "Kristen Wiig", character: "SexyKitten (voice)" },
    { name: "Olivia Wilde", character: "Blind Date" },
  ],
};

export const herReview = {
  authorHandle: "maya",
  halfStars: 8,
  verdict: "A love story about listening, told by someone who clearly knows how.",
  body: [
    "Most films about technology want to warn you. *Her* wants to understand you, which is rarer and a lot harder to pull off.",
    "",
    "Spike Jonze builds a near-future Los Angeles out of soft wool trousers, warm light and quiet trains, and then lets Joaquin Phoenix sit inside it for two hours, mostly listening. That is the trick of the film: nearly every big scene is a man hearing a voice. Phoenix has to act opposite an earpiece, and he makes the earpiece feel like the most present person in the room.",
    "",
    "Scarlett Johansson never appears, and she gives one of the fullest performances of the decade anyway. Samantha's curiosity is infectious at first and unsettling later, because the film is honest that a mind which learns that fast will not stay the size of one relationship.",
    "",
    "What stays with me is how kind the film is. Nobody is a villain. Amy Adams, as Theodore's oldest friend, has the best line about what we owe each other, and Rooney Mara gets one scene of real anger that the script lets stand without tidying it up.",
    "",
    "If you have ever written a letter you could not send, watch it.",
  ].join("\n"),
};

export const herComments = [
  {
    authorHandle: "jonas",
    body: "Agree on the earpiece. I rewatched the lunch scene with Rooney Mara last week and it lands harder every time; she is the only one who says the uncomfortable thing out loud.",
  },
  {
    authorHandle: "rosa",
    body: "The production design does so much work here. No screens anywhere you would expect them, just that high-waisted wardrobe and a lot of sunlight. It makes the future feel lived in instead of shiny.",
  },
];

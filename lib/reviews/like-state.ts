/** What the like action returns to the like button. No server imports. */
export type LikeState = { ok: boolean; liked: boolean; likeCount: number; message: string };

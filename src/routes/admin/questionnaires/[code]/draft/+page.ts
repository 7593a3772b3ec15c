// The designer works without JavaScript; with it, questions are dragged to a new place and each
// question's form shows a live preview (both in +page.svelte).
export const csr = true;

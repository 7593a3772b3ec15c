// The dashboard updates its figures while open: it is the one admin page that ships JavaScript.
export const csr = true;

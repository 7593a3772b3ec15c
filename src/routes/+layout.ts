// Pages are rendered on the server and ship no JavaScript unless a page opts in.
export const csr = false;

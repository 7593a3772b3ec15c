// The editor autosaves as the analyst types: the one report page that ships JavaScript (it works without).
export const csr = true;

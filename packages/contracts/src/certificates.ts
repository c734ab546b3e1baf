// Contracts of the certificates slice.
export {};

// Contracts of the studio slice.
export {};

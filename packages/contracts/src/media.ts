// Contracts of the media slice.
export {};

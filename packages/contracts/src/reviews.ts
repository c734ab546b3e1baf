// Contracts of the reviews slice.
export {};

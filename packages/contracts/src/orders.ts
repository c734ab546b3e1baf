// Contracts of the commerce slice: orders.
export {};

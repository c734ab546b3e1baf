// Contracts of the commerce slice: payments.
export {};

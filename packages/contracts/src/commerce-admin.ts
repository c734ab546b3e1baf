// Contracts of the commerce slice: commerce-admin.
export {};

// Contracts of the commerce slice: shop.
export {};

// Contracts of the quizzes slice.
export {};

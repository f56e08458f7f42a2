/**
 * The side-by-side benchmark's prompts: everyday text of the lengths a chat
 * command gets (2 to about 40 tokens), written for this benchmark.
 */
export const COMPARE_PROMPTS = [
  "Steve",
  "The capital of France is",
  "def fibonacci(n):\n    if n < 2:\n        return",
  "Once upon a time, in a small village at the edge of a great forest, there lived a",
  "The Eiffel Tower is located in the city of",
  "1, 1, 2, 3, 5, 8, 13, 21,",
  "She opened the letter, read the first line, and",
  "In 1969, the first person to walk on the Moon was",
  "My favourite way to spend a rainy Sunday afternoon is",
  "To make a cup of tea, first boil the",
  "The meeting has been moved to Thursday because",
  "Water freezes at zero degrees Celsius and boils at",
  "import numpy as np\nx = np.arange(10)\nprint(x.",
  "He looked at the clock on the wall and realised that he was going to be late for",
  "The three primary colours are red, blue and",
  "Dear Sir or Madam, I am writing to complain about the",
];
